/**
 * One calendar alarm in the supervisors' panel: "Kalender libur 2027 belum lengkap" (or
 * missing), why it matters, and its acknowledgement — Alt+A on the focused item, or its
 * button — or who acknowledged it and when.
 */
import { useTranslation } from 'react-i18next';
import type { RaisedCalendarAlarm } from '../../../shared/domain/calendar-alarm';
import { formatWibTime } from '../../../shared/time';

export function CalendarAlarmItem({
  alarm,
  ackKey,
  onAck,
}: {
  alarm: RaisedCalendarAlarm;
  ackKey: string;
  onAck: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <li
      tabIndex={0}
      className={`alarm calendar breached${alarm.acked ? ' acked' : ''}`}
      aria-keyshortcuts={alarm.acked ? undefined : ackKey}
      onKeyDown={(e) => {
        if (e.altKey && e.key.toLowerCase() === 'a' && !alarm.acked) {
          e.preventDefault();
          e.stopPropagation();
          onAck();
        }
      }}
    >
      <strong>{t(`alarms.calendar.${alarm.problem}`, { year: alarm.year })}</strong> ·{' '}
      {t('alarms.calendar.hint')}{' '}
      {alarm.acked ? (
        <span className="muted">
          {t('alarms.acked', {
            person: alarm.acked.person,
            desk: alarm.acked.deskId,
            time: formatWibTime(alarm.acked.at, lang),
          })}
        </span>
      ) : (
        <button
          type="button"
          aria-label={t('alarms.calendar.ackLabel', { year: alarm.year })}
          aria-keyshortcuts={ackKey}
          onClick={onAck}
        >
          {t('alarms.ack')} <kbd>{ackKey}</kbd>
        </button>
      )}
    </li>
  );
}
