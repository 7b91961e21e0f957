/** A call left half-typed (a crash, a closed window) offered back when the operator signs in. */
import { useTranslation } from 'react-i18next';
import { formatWibTime } from '../../../shared/time';
import type { Call } from './form-state';

export function DraftOffer({
  call,
  onResume,
  onDiscard,
}: {
  call: Call;
  onResume(): void;
  onDiscard(): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <div className="draft-offer" role="alert">
      <p>{t('intake.draftFound', { time: formatWibTime(call.startedAt, lang) })}</p>
      <p className="muted">{call.form.description || call.form.callerNumber || '—'}</p>
      <button type="button" onClick={onResume}>
        {t('intake.draftRestore')}
      </button>{' '}
      <button type="button" onClick={onDiscard}>
        {t('intake.draftDiscard')}
      </button>
    </div>
  );
}
