/**
 * What an operator does to an open case besides dispatching it: edit it (when this desk
 * holds it), take it over from another desk, add a note every desk sees, or cancel it
 * (which withdraws its open dispatches). Each has a visible shortcut. What is typed and not
 * yet saved lives in `inputs` too, so a case put aside by a new call loses none of it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../../shared/api/errors';
import { isCaseOpen } from '../../../shared/domain/lifecycle';
import type { CaseDetail } from '../../../shared/domain/queue';
import { useClient } from '../api/client-context';
import { useErrorText, useFieldText } from '../i18n/use-error-text';
import { useShortcut } from '../shell/shortcuts';
import type { CaseEdit, CaseMode, KeptInputs } from './case-inputs';

export function CaseActions({ detail, inputs }: { detail: CaseDetail; inputs: KeptInputs }) {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const fieldText = useFieldText();
  const [mode, setMode] = useState<CaseMode>(inputs.saved.mode);
  const [error, setError] = useState<string>();
  const [draft, setDraft] = useState(() => inputs.saved.edit ?? pick(detail));
  const [note, setNote] = useState(inputs.saved.note);
  const [reason, setReason] = useState(inputs.saved.reason);
  // Kept as typed: if a new call takes the screen, the case comes back with all of it.
  useEffect(() => {
    inputs.keep({ mode, edit: mode === 'edit' ? draft : null, note, reason });
  }, [inputs, mode, draft, note, reason]);
  const noteInput = useRef<HTMLInputElement>(null);
  const closed = !isCaseOpen(detail.status);

  /** Shows a refusal by its field when it has one, else by its code. */
  const explain = (e: ApiError) =>
    setError(fieldText(Object.values(e.fields ?? {})[0]) ?? errorText(e));
  const done = (r: ApiResult<unknown>, after: () => void) => {
    if (r.ok) {
      setError(undefined);
      after();
    } else explain(r.error);
  };

  const startEdit = () => {
    if (!detail.mayEdit || closed) return;
    setDraft(pick(detail));
    setMode('edit');
  };
  const claim = async () => {
    if (detail.mayEdit) return;
    done(await client['case.claim']({ caseId: detail.caseId }), () => undefined);
  };
  useShortcut({ key: 'e', alt: true }, startEdit);
  useShortcut({ key: 'a', alt: true }, () => void claim());
  useShortcut({ key: 'n', alt: true }, () => noteInput.current?.focus());

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const edit = changedFields(detail, draft);
    const r = await client['case.update']({ caseId: detail.caseId, edit });
    done(r, () => setMode('idle'));
  };
  const addNote = async (event: FormEvent) => {
    event.preventDefault();
    done(await client['case.note']({ caseId: detail.caseId, text: note }), () => setNote(''));
  };
  const cancel = async (event: FormEvent) => {
    event.preventDefault();
    done(await client['case.cancel']({ caseId: detail.caseId, reason }), () => setMode('idle'));
  };

  return (
    <section aria-labelledby="actions-title">
      <h3 id="actions-title">{t('actions.title')}</h3>
      {!detail.mayEdit ? (
        <p>
          {t('actions.heldBy', { desk: detail.holderDesk })}{' '}
          <button type="button" onClick={() => void claim()} aria-keyshortcuts="Alt+A">
            {t('actions.claim')} <kbd>Alt+A</kbd>
          </button>
        </p>
      ) : null}
      {detail.mayEdit && !closed && mode === 'idle' ? (
        <div className="row">
          <button type="button" onClick={startEdit} aria-keyshortcuts="Alt+E">
            {t('actions.edit')} <kbd>Alt+E</kbd>
          </button>
          <button type="button" onClick={() => setMode('cancel')}>
            {t('actions.cancelCase')}
          </button>
        </div>
      ) : null}
      {mode === 'edit' ? (
        <form onSubmit={(e) => void save(e)} aria-label={t('actions.edit')}>
          <label className="field">
            {t('intake.description')}
            <textarea
              autoFocus
              data-keep="edit.description"
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            />
          </label>
          <label className="field">
            {t('intake.urgency')}
            <select
              data-keep="edit.urgency"
              value={draft.urgency}
              onChange={(e) =>
                setDraft({ ...draft, urgency: e.target.value as CaseDetail['urgency'] })
              }
            >
              <option value="darurat">{t('urgency.darurat')}</option>
              <option value="non_darurat">{t('urgency.non_darurat')}</option>
            </select>
          </label>
          <label className="field">
            {t('intake.address')}
            <input
              data-keep="edit.address"
              value={draft.address}
              onChange={(e) => setDraft({ ...draft, address: e.target.value })}
            />
          </label>
          <label className="field">
            {t('intake.landmark')}
            <input
              data-keep="edit.landmark"
              value={draft.landmark}
              onChange={(e) => setDraft({ ...draft, landmark: e.target.value })}
            />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              {t('actions.save')}
            </button>
            <button type="button" onClick={() => setMode('idle')}>
              {t('actions.discard')}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'cancel' ? (
        <form onSubmit={(e) => void cancel(e)} aria-label={t('actions.cancelCase')}>
          <label className="field">
            {t('actions.cancelReason')}
            <input
              autoFocus
              data-keep="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div className="row">
            <button type="submit" className="danger">
              {t('actions.confirmCancel')}
            </button>
            <button type="button" onClick={() => setMode('idle')}>
              {t('actions.discard')}
            </button>
          </div>
        </form>
      ) : null}
      <form className="row" onSubmit={(e) => void addNote(e)}>
        <label className="field">
          {t('actions.note')} <kbd>Alt+N</kbd>
          <input
            ref={noteInput}
            data-keep="note"
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            aria-keyshortcuts="Alt+N"
          />
        </label>
        <button type="submit">{t('actions.addNote')}</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

const pick = (d: CaseDetail): CaseEdit => ({
  description: d.description,
  urgency: d.urgency,
  address: d.address,
  landmark: d.landmark,
});

/** Only what the operator changed travels: the hub merges edits field by field. */
function changedFields(detail: CaseDetail, draft: CaseEdit) {
  const before = pick(detail);
  return Object.fromEntries(
    Object.entries(draft).filter(([k, v]) => before[k as keyof typeof before] !== v),
  );
}
