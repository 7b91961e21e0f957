/**
 * The supervisors' alarm panel, on every supervisor's screen: each raised alarm (a dispatch
 * at risk or late) with its OPD, reason and since when, a live count, and a tone when one is
 * raised. An alarm stays until a supervisor acknowledges it — Alt+A on the focused alarm, or
 * its button — and then shows who did, and when, on every supervisor's desk.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RaisedAlarm } from '../../../shared/domain/alarm';
import type { RaisedCalendarAlarm } from '../../../shared/domain/calendar-alarm';
import { formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useReference } from '../reference/reference-context';
import { CalendarAlarmItem } from './CalendarAlarmItem';
import { showDesktopNotification } from './desktop-notification';
import { requestOpenCase } from './next-call';
import { useSupervisorErrorText } from './supervisor-error-text';
import { useSupervisorAlarms } from './use-supervisor-alarms';

export const ACK_KEY = 'Alt+A';

export function SupervisorAlarms() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const ref = useReference();
  const errorText = useSupervisorErrorText();
  const short = useCallback((id: string) => ref.opds.find((o) => o.id === id)?.short ?? id, [ref]);
  const [desktop, setDesktop] = useState(false);
  useEffect(() => {
    void client['app.status']({}).then((r) => setDesktop(r.ok && r.value.mode === 'desktop'));
  }, [client]);

  // A desktop notification: the desktop app's own, or the browser's where it is permitted;
  // the tone and the panel everywhere.
  const notify = useCallback(
    (a: RaisedAlarm | RaisedCalendarAlarm) => {
      const note =
        'year' in a
          ? {
              title: t('alarms.calendar.notifyTitle', { year: a.year }),
              body: t(`alarms.calendar.${a.problem}`, { year: a.year }),
              tag: a.id,
            }
          : {
              title: t('alarms.notifyTitle', {
                opd: short(a.opdId),
                level: t(`alarms.level.${a.level}`),
              }),
              body: t('alarms.notifyBody', {
                reason: t(`alarms.reason.${a.reason}`),
                time: formatWibTime(a.since, lang),
              }),
              tag: a.id,
            };
      showDesktopNotification(client, desktop, note);
    },
    [client, desktop, lang, short, t],
  );
  const { alarms, calendar, error, refresh } = useSupervisorAlarms(notify);
  const [actionError, setActionError] = useState<string>();

  const ack = async (a: { id: string }) => {
    const r = await client['alarm.ack']({ alarmId: a.id });
    setActionError(r.ok ? undefined : errorText(r.error));
    refresh();
  };

  const list = alarms ?? [];
  const open = list.filter((a) => !a.acked).length;
  const calendarOpen = calendar.some((a) => !a.acked);
  return (
    <section
      className={`supervisor-alarms${open > 0 || calendarOpen ? ' raised' : ''}`}
      aria-label={t('alarms.panel')}
    >
      <p role="status" className="alarm-count">
        {list.length === 0 ? t('alarms.none') : t('alarms.count', { count: list.length })}
        {open > 0 ? ` · ${t('alarms.unacked', { count: open })}` : ''}
      </p>
      {error ? (
        <p role="alert" className="error">
          {t('alarms.failed', { reason: errorText(error) })}
        </p>
      ) : null}
      {actionError ? (
        <p role="alert" className="error">
          {actionError}
        </p>
      ) : null}
      {calendar.length > 0 ? (
        // The calendar's own alarms, apart from the dispatches counted above.
        <ul className="alarm-list" aria-label={t('alarms.calendar.list')}>
          {calendar.map((a) => (
            <CalendarAlarmItem key={a.id} alarm={a} ackKey={ACK_KEY} onAck={() => void ack(a)} />
          ))}
        </ul>
      ) : null}
      {list.length > 0 ? (
        <ul className="alarm-list">
          {list.map((a) => (
            <li
              key={a.id}
              tabIndex={0}
              className={`alarm ${a.level}${a.acked ? ' acked' : ''}`}
              aria-keyshortcuts={a.acked ? undefined : ACK_KEY}
              onKeyDown={(e) => {
                if (e.altKey && e.key.toLowerCase() === 'a' && !a.acked) {
                  e.preventDefault();
                  e.stopPropagation();
                  void ack(a);
                }
              }}
            >
              <strong>{t(`alarms.level.${a.level}`)}</strong> · {short(a.opdId)} ·{' '}
              {t(`alarms.reason.${a.reason}`)} ·{' '}
              {t('alarms.since', { time: formatWibTime(a.since, lang) })}{' '}
              {a.acked ? (
                <span className="muted">
                  {t('alarms.acked', {
                    person: a.acked.person,
                    desk: a.acked.deskId,
                    time: formatWibTime(a.acked.at, lang),
                  })}
                </span>
              ) : (
                <button
                  type="button"
                  aria-label={t('alarms.ackLabel', { opd: short(a.opdId) })}
                  aria-keyshortcuts={ACK_KEY}
                  onClick={() => void ack(a)}
                >
                  {t('alarms.ack')} <kbd>{ACK_KEY}</kbd>
                </button>
              )}{' '}
              <button type="button" onClick={() => requestOpenCase(a.caseId)}>
                {t('alarms.openCase')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
