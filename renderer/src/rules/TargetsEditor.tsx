/**
 * The category targets: per category the minutes to resolve, the emergency minutes (send,
 * accept), the city's follow-up hours and the SP4N-LAPOR! working days, and the share of a
 * target after which a clock is at risk. A supervisor edits and publishes them; everyone
 * else reads them. An empty field: not measured (resolve) or the default.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-context';
import { useReference } from '../reference/reference-context';
import { PublishBar } from './PublishBar';
import type { RulesInForce } from './RulesScreen';
import {
  TARGET_FIELDS,
  targetDraft,
  targetsFromDrafts,
  type TargetDraft,
  type TargetField,
} from './rules-draft';

const FIELD_TEXT: Record<TargetField, string> = {
  resolveMin: 'rules.resolveMin',
  dispatchMin: 'rules.dispatchMin',
  acceptMin: 'rules.acceptMin',
  followUpHours: 'rules.followUpHours',
  forwardDays: 'rules.forwardDays',
  followUpDays: 'rules.laporFollowUpDays',
  closeDays: 'rules.closeDays',
};

export function TargetsEditor({ rules }: { rules: RulesInForce }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  const client = useClient();
  const table = rules.targets.table;
  const [drafts, setDrafts] = useState<TargetDraft[]>(() => table.categories.map(targetDraft));
  const [atRisk, setAtRisk] = useState(String(Math.round(table.atRiskShare * 100)));
  const edit = rules.canEdit;
  const name = (id: string) => ref.categoryName(id, lang);
  const fieldText = (field: TargetField) => t(FIELD_TEXT[field]);

  const publish = async (reason: string) => {
    const made = targetsFromDrafts(drafts, atRisk);
    if (!made.ok) {
      const { field, categoryId } = made.problem;
      return field === 'atRisk'
        ? t('rules.badShare')
        : t('rules.badNumber', { field: fieldText(field), category: name(categoryId) });
    }
    return client['rules.publishTargets']({
      expectedVersion: rules.targets.version,
      table: made.table,
      reason,
    });
  };
  const set = (categoryId: string, field: TargetField, value: string) =>
    setDrafts((all) =>
      all.map((d) => (d.categoryId === categoryId ? { ...d, [field]: value } : d)),
    );

  return (
    <>
      <p className="muted">{t('rules.emptyMeans')}</p>
      <label className="field">
        {t('rules.atRisk')}
        <input
          inputMode="numeric"
          size={4}
          readOnly={!edit}
          value={atRisk}
          onChange={(e) => setAtRisk(e.target.value)}
        />
      </label>
      <div className="rules-table">
        <table aria-label={t('rules.tabTargets')}>
          <thead>
            <tr>
              <th scope="col">{t('rules.category')}</th>
              {TARGET_FIELDS.map((f) => (
                <th scope="col" key={f}>
                  {fieldText(f)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr key={d.categoryId}>
                <th scope="row">{name(d.categoryId)}</th>
                {TARGET_FIELDS.map((f) => (
                  <td key={f}>
                    {edit ? (
                      <input
                        inputMode="numeric"
                        size={4}
                        aria-label={t('rules.targetLabel', {
                          field: fieldText(f),
                          category: name(d.categoryId),
                        })}
                        value={d[f]}
                        onChange={(e) => set(d.categoryId, f, e.target.value)}
                      />
                    ) : (
                      d[f] || '—'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {edit ? <PublishBar publish={publish} /> : null}
    </>
  );
}
