/**
 * The intake form, keyboard first: F2 starts a call (its start time is taken then), Enter
 * moves to the next field, Ctrl+Enter saves, Alt+K saves and dispatches to the ticked OPDs
 * (the routing table's suggestion unless changed), Esc twice abandons. The operator sees
 * "saved" only after the store committed.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/domain/intake';
import { IntakeForm, LIMITS } from '../../../shared/domain/intake';
import { fieldErrors } from '../../../shared/api/errors';
import { formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText, useFieldText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import { DispatchProgress, type SentCase } from '../case/DispatchProgress';
import { suggestOpds } from '../../../shared/domain/routing';
import { useShortcut } from '../shell/shortcuts';
import { CoordinateField, Field } from './Field';
import { RoutingChoice } from './RoutingChoice';
import { TypeAhead } from './TypeAhead';
import { useIntake } from './use-intake';

type Errors = Record<string, string>;

/** Server paths are `form.x` (schema) or `x` (reference checks); the form knows `x`. */
const byField = (fields: Record<string, string> | undefined): Errors =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k.replace(/^form\./, ''), v]));

export function IntakePanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const ref = useReference();
  const fieldText = useFieldText();
  const errorText = useErrorText();
  const { state, start, update, restore, close, save } = useIntake();
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<string>();
  const [sent, setSent] = useState<SentCase>(); // the last Alt+K's, followed live
  const [draft, setDraft] = useState<Draft | null>(null);
  const [armedEsc, setArmedEsc] = useState(false);
  /** The OPDs ticked by hand; null follows the routing table's suggestion. */
  const [picked, setPicked] = useState<string[] | null>(null);
  const suggested = state
    ? suggestOpds(ref.routing, state.form.categoryId, state.form.kecamatanId)
    : [];
  const chosen = picked ?? suggested;
  const firstField = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    void client['draft.get']({}).then((r) => r.ok && setDraft(r.value.draft));
  }, [client]);

  const begin = useCallback(() => {
    if (state) return firstField.current?.focus();
    setDraft(null);
    setErrors({});
    setNotice(undefined);
    setPicked(null);
    start();
  }, [start, state]);
  useShortcut({ key: 'F2' }, begin);
  const toggleWithheld = useCallback(() => {
    if (state) update({ form: { withheld: !state.form.withheld, callerNumber: '' } });
  }, [state, update]);
  useShortcut({ key: 'w', alt: true }, toggleWithheld);

  useEffect(() => {
    if (state) firstField.current?.focus();
  }, [state?.callId]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once per call

  const submit = async (dispatchTo: readonly string[] = []) => {
    if (!state) return;
    const local = IntakeForm.safeParse(state.form);
    if (!local.success) {
      setErrors(fieldErrors(local.error));
      return;
    }
    setSent(undefined);
    const result = await save();
    if (!result) return;
    if (result.ok) {
      setErrors({});
      const saved = t('intake.saved', { time: formatWibTime(result.value.savedAt, lang) });
      setNotice(saved);
      setPicked(null);
      close();
      if (dispatchTo.length > 0) {
        // Saved is saved: a dispatch refusal is shown, and the case waits in the queue.
        const dispatched = await client['case.dispatch']({
          caseId: result.value.caseId,
          opdIds: [...dispatchTo],
        });
        if (dispatched.ok)
          setSent({ caseId: result.value.caseId, dispatches: dispatched.value.dispatches });
        else setNotice(`${saved} ${errorText(dispatched.error)}`);
      }
    } else {
      setErrors(byField(result.error.fields));
      setNotice(errorText(result.error));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void submit();
    } else if (e.key.toLowerCase() === 'k' && e.altKey) {
      e.preventDefault();
      void submit(chosen);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (armedEsc) {
        void client['draft.discard']({});
        close();
        setArmedEsc(false);
        setSent(undefined);
        setNotice(t('intake.abandoned'));
      } else setArmedEsc(true);
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey && target.tagName !== 'BUTTON') {
      e.preventDefault();
      // Enter walks the text fields; check boxes are for Space, Tab or their own shortcut.
      const fields = Array.from(
        formRef.current?.querySelectorAll<HTMLElement>(
          'input:not([type=checkbox]):not(:disabled), select, textarea',
        ) ?? [],
      );
      fields[fields.indexOf(target) + 1]?.focus();
    } else if (armedEsc) setArmedEsc(false);
  };

  if (!state) {
    return (
      <section className="panel intake" aria-labelledby="intake-title">
        <h2 id="intake-title">{t('intake.title')}</h2>
        {notice ? (
          <p role="status">
            {notice} <DispatchProgress sent={sent} />
          </p>
        ) : null}
        {draft ? (
          <div className="draft-offer" role="alert">
            <p>{t('intake.draftFound', { time: formatWibTime(draft.startedAt, lang) })}</p>
            <p className="muted">{draft.form.description || draft.form.callerNumber || '—'}</p>
            <button
              type="button"
              onClick={() => {
                restore(draft, { kecamatan: ref.kecamatanName });
                setDraft(null);
              }}
            >
              {t('intake.draftRestore')}
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                void client['draft.discard']({});
                setDraft(null);
              }}
            >
              {t('intake.draftDiscard')}
            </button>
          </div>
        ) : null}
        <button type="button" className="primary" onClick={begin} aria-keyshortcuts="F2">
          {t('intake.newCall')} <kbd>F2</kbd>
        </button>
      </section>
    );
  }

  const f = state.form;
  const err = (name: string) => fieldText(errors[name]);
  const categories = ref.categories.map((c) => ({ id: c.id, label: c.name[lang] }));
  const kecamatan = ref.kecamatan.map((k) => ({ id: k.id, label: k.name }));
  const kelurahan = ref.kelurahan
    .filter((k) => !f.kecamatanId || k.kecamatanId === f.kecamatanId)
    .map((k) => ({ id: k.id, label: k.name }));

  return (
    <section className="panel intake" aria-labelledby="intake-title">
      <h2 id="intake-title">
        {t('intake.titleActive', { time: formatWibTime(state.startedAt, lang) })}
      </h2>
      <form ref={formRef} noValidate onKeyDown={onKeyDown} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <Field label={t('intake.callerNumber')} error={err('callerNumber')}>
            {(id, described) => (
              <input
                id={id}
                ref={firstField}
                type="tel"
                inputMode="tel"
                maxLength={LIMITS.number}
                disabled={f.withheld}
                value={f.callerNumber}
                onChange={(e) => update({ form: { callerNumber: e.target.value } })}
                {...described}
              />
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={f.withheld}
              aria-keyshortcuts="Alt+W"
              onChange={(e) => update({ form: { withheld: e.target.checked, callerNumber: '' } })}
            />
            {t('intake.withheld')} <kbd aria-hidden="true">Alt+W</kbd>
          </label>
        </div>
        <Field label={t('intake.callerName')} error={err('callerName')}>
          {(id, described) => (
            <input
              id={id}
              maxLength={LIMITS.callerName}
              value={f.callerName}
              onChange={(e) => update({ form: { callerName: e.target.value } })}
              {...described}
            />
          )}
        </Field>
        <div className="row">
          <label className="check">
            <input
              type="checkbox"
              checked={f.anonim}
              onChange={(e) => update({ form: { anonim: e.target.checked } })}
            />
            {t('intake.anonim')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={f.rahasia}
              onChange={(e) => update({ form: { rahasia: e.target.checked } })}
            />
            {t('intake.rahasia')}
          </label>
        </div>
        <div className="row">
          <TypeAhead
            label={t('intake.category')}
            text={state.categoryText}
            options={categories}
            error={err('categoryId')}
            onText={(text) => update({ categoryText: text })}
            onPick={(o) => {
              const cat = ref.categories.find((c) => c.id === o?.id);
              update({
                form: {
                  categoryId: cat?.id ?? '',
                  ...(cat && !state.urgencyTouched ? { urgency: cat.urgency } : {}),
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
        <Field
          label={t('intake.description')}
          error={err('description')}
          hint={t('intake.descriptionHint')}
        >
          {(id, described) => (
            <textarea
              id={id}
              rows={3}
              maxLength={LIMITS.description}
              value={f.description}
              onChange={(e) => update({ form: { description: e.target.value } })}
              {...described}
            />
          )}
        </Field>
        <div className="row">
          <TypeAhead
            label={t('intake.kecamatan')}
            text={state.kecamatanText}
            options={kecamatan}
            error={err('kecamatanId')}
            onText={(text) => update({ kecamatanText: text })}
            onPick={(o) => {
              const keepKel =
                ref.kelurahan.find((k) => k.id === f.kelurahanId)?.kecamatanId === o?.id;
              update({
                form: { kecamatanId: o?.id ?? '', ...(keepKel ? {} : { kelurahanId: '' }) },
                ...(keepKel ? {} : { kelurahanText: '' }),
              });
            }}
          />
          <TypeAhead
            label={t('intake.kelurahan')}
            text={state.kelurahanText}
            options={kelurahan}
            error={err('kelurahanId')}
            onText={(text) => update({ kelurahanText: text })}
            onPick={(o) => {
              const kel = ref.kelurahan.find((k) => k.id === o?.id);
              // Picking a kelurahan settles its kecamatan too.
              update({
                form: {
                  kelurahanId: kel?.id ?? '',
                  ...(kel ? { kecamatanId: kel.kecamatanId } : {}),
                },
                ...(kel ? { kecamatanText: ref.kecamatanName(kel.kecamatanId) } : {}),
              });
            }}
          />
        </div>
        <Field label={t('intake.address')} error={err('address')}>
          {(id, described) => (
            <input
              id={id}
              maxLength={LIMITS.address}
              value={f.address}
              onChange={(e) => update({ form: { address: e.target.value } })}
              {...described}
            />
          )}
        </Field>
        <Field label={t('intake.landmark')} error={err('landmark')}>
          {(id, described) => (
            <input
              id={id}
              maxLength={LIMITS.landmark}
              value={f.landmark}
              onChange={(e) => update({ form: { landmark: e.target.value } })}
              {...described}
            />
          )}
        </Field>
        <div className="row">
          <CoordinateField
            label={t('intake.lat')}
            value={f.lat}
            error={err('lat')}
            onChange={(lat) => update({ form: { lat } })}
          />
          <CoordinateField
            label={t('intake.lng')}
            value={f.lng}
            error={err('lng')}
            onChange={(lng) => update({ form: { lng } })}
          />
        </div>
        <RoutingChoice suggested={suggested} chosen={chosen} onChange={setPicked} />
        {notice ? (
          <p role="alert" className="error">
            {notice}
          </p>
        ) : null}
        {armedEsc ? <p className="warn">{t('intake.escAgain')}</p> : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void submit()}
            aria-keyshortcuts="Control+Enter"
          >
            {t('intake.save')} <kbd>Ctrl+Enter</kbd>
          </button>
          <button
            type="button"
            onClick={() => void submit(chosen)}
            disabled={chosen.length === 0}
            aria-keyshortcuts="Alt+K"
          >
            {t('intake.saveAndDispatch')} <kbd>Alt+K</kbd>
          </button>
          <span className="muted">
            {t('intake.keysHint')} <kbd>Enter</kbd> · <kbd>Esc Esc</kbd>
          </span>
        </div>
      </form>
    </section>
  );
}
