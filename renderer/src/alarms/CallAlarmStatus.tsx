/**
 * The status bar's "2 perlu telepon OPD": every dispatch that needs a phone call, on every
 * desk, with the key that reaches the next one. Shown in red with an icon and words, never
 * by colour alone.
 */
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { requestNextCall } from './next-call';

export function CallAlarmStatus({ status }: { status: AppStatus | undefined }) {
  const { t } = useTranslation();
  const count = status?.callAlarms ?? 0;
  return (
    <span role="status" aria-label={t('alarm.label')} className="status-item">
      {count > 0 ? (
        <button
          type="button"
          className="call-alarm"
          onClick={requestNextCall}
          aria-keyshortcuts="Alt+T"
          title={t('alarm.next')}
        >
          <span aria-hidden="true">☎ </span>
          {t('alarm.count', { count })} <kbd>Alt+T</kbd>
        </button>
      ) : null}
    </span>
  );
}
