/** What happened: the category (which sets a default urgency), the urgency and the description. */
import { useTranslation } from 'react-i18next';
import { DRAFT_LIMITS, LIMITS } from '../../../shared/domain/intake';
import { useReference } from '../reference/reference-context';
import { Field } from './Field';
import type { Call, CallPatch } from './form-state';
import { LimitedText } from './LimitedText';
import { TypeAhead } from './TypeAhead';

interface Props {
  call: Call;
  err(name: string): string | undefined;
  update(patch: CallPatch): void;
}

export function IncidentSection({ call, err, update }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  const f = call.form;
  const categories = ref.categories.map((c) => ({ id: c.id, label: c.name[lang] }));
  return (
    <>
      <div className="row">
        <TypeAhead
          label={t('intake.category')}
          text={call.categoryText}
          options={categories}
          error={err('categoryId')}
          onText={(text) => update({ categoryText: text })}
          onPick={(o) => {
            const cat = ref.categories.find((c) => c.id === o?.id);
            update({
              form: {
                categoryId: cat?.id ?? '',
                ...(cat && !call.urgencyTouched ? { urgency: cat.urgency } : {}),
              },
            });
          }}
        />
        <Field label={t('intake.urgency')} error={err('urgency')}>
          {(id, described) => (
            <select
              id={id}
              value={f.urgency}
              onChange={(e) =>
                update({
                  urgencyTouched: true,
                  form: { urgency: e.target.value as 'darurat' | 'non_darurat' },
                })
              }
              {...described}
            >
              <option value="darurat">{t('urgency.darurat')}</option>
              <option value="non_darurat">{t('urgency.non_darurat')}</option>
            </select>
          )}
        </Field>
      </div>
      <LimitedText
        label={t('intake.description')}
        name="description"
        multiline
        value={f.description}
        limit={LIMITS.description}
        keep={DRAFT_LIMITS.description}
        error={err('description')}
        hint={t('intake.descriptionHint')}
        onChange={(description) => update({ form: { description } })}
      />
    </>
  );
}
