/**
 * The save controls and, right beside them, why the last save did not happen. The reason
 * is announced (role=alert) and describes both buttons, so a screen reader hears it on
 * the control the operator just used.
 */
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldText } from '../i18n/use-error-text';
import type { Notice } from './form-state';

/** The label of each form field a refusal may name. */
const FIELD_LABELS: Record<string, string> = {
  callerNumber: 'intake.callerNumber',
  callerName: 'intake.callerName',
  categoryId: 'intake.category',
  urgency: 'intake.urgency',
  description: 'intake.description',
  kecamatanId: 'intake.kecamatan',
  kelurahanId: 'intake.kelurahan',
  address: 'intake.address',
  landmark: 'intake.landmark',
  lat: 'intake.lat',
  lng: 'intake.lng',
  dispatchTo: 'intake.routing',
  note: 'screen.note',
  ticks: 'screen.ticksLabel',
};

const ERROR_ID = 'intake-save-error';

interface Props {
  notice: Notice | null;
  armedEsc: boolean;
  canDispatch: boolean;
  onSave(): void;
  onSaveAndDispatch(): void;
}

export function SaveBar({ notice, armedEsc, canDispatch, onSave, onSaveAndDispatch }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldText = useFieldText();
  const names = (fields: string[]) =>
    fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f)).join(', ');
  const problem =
    notice?.kind === 'invalid'
      ? t('intake.notSavedFields', { fields: names(notice.fields) })
      : notice?.kind === 'failed'
        ? t('intake.notSaved', {
            reason: notice.error.fields
              ? `${errorText(notice.error)} ${names(Object.keys(notice.error.fields).map((k) => k.replace(/^form\./, '')))}: ${Object.values(
                  notice.error.fields,
                )
                  .map((c) => fieldText(c))
                  .join(' ')}`
              : errorText(notice.error),
          })
        : undefined;
  const describedBy = problem ? { 'aria-describedby': ERROR_ID } : {};
  return (
    <div className="save-bar">
      {armedEsc ? <p className="warn">{t('intake.escAgain')}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={onSave}
          aria-keyshortcuts="Control+Enter"
          {...describedBy}
        >
          {t('intake.save')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button
          type="button"
          onClick={onSaveAndDispatch}
          disabled={!canDispatch}
          aria-keyshortcuts="Alt+K"
          {...describedBy}
        >
          {t('intake.saveAndDispatch')} <kbd>Alt+K</kbd>
        </button>
        <span className="muted">
          {t('intake.keysHint')} <kbd>Enter</kbd> · <kbd>Esc Esc</kbd>
        </span>
      </div>
      {/* Always present, so screen readers announce the reason as soon as it appears. */}
      <p id={ERROR_ID} role="alert" className="error save-error">
        {problem ?? ''}
      </p>
    </div>
  );
}
