/**
 * The raised alarms for a supervisor's screen, kept fresh: read on every change the desk
 * hears of (a hub event, an acknowledgement from another supervisor) and every few seconds
 * (an alarm is raised by time passing alone). A new unacknowledged alarm — including one
 * that got worse, at risk → breached — sounds once, and in the desktop app notifies.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { RaisedAlarm } from '../../../shared/domain/alarm';
import type { RaisedCalendarAlarm } from '../../../shared/domain/calendar-alarm';
import { useClient } from '../api/client-context';
import { playAlarmTone } from './alarm-tone';

const LOOK_EVERY_MS = 3_000;
/** The least time between two reads asked for by changes. */
const CHANGE_GAP_MS = 200;

export function useSupervisorAlarms(onNew: (alarm: RaisedAlarm | RaisedCalendarAlarm) => void): {
  alarms: RaisedAlarm[] | undefined;
  calendar: RaisedCalendarAlarm[];
  error: ApiError | undefined;
  refresh(): void;
} {
  const client = useClient();
  const [alarms, setAlarms] = useState<RaisedAlarm[]>();
  const [calendar, setCalendar] = useState<RaisedCalendarAlarm[]>([]);
  const [error, setError] = useState<ApiError>();
  // Alarms already sounded on this screen (by id: a worse level or a new arming is new).
  const sounded = useRef(new Set<string>());
  const notify = useRef(onNew);
  useEffect(() => {
    notify.current = onNew;
  }, [onNew]);

  const refresh = useCallback(() => {
    void client['alarm.list']({}).then((r) => {
      if (!r.ok) return setError(r.error);
      setError(undefined);
      setAlarms(r.value.alarms);
      setCalendar(r.value.calendar);
      const fresh = [...r.value.calendar, ...r.value.alarms].filter(
        (a) => !a.acked && !sounded.current.has(a.id),
      );
      for (const a of fresh) sounded.current.add(a.id);
      if (fresh.length > 0) {
        playAlarmTone();
        fresh.forEach((a) => notify.current(a));
      }
    });
  }, [client]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, LOOK_EVERY_MS);
    // A burst of changes (a desk draining its outbox) makes one read, not one per case.
    let soon: ReturnType<typeof setTimeout> | undefined;
    const offQueue = client.subscribe('queue.changed', () => {
      soon ??= setTimeout(() => {
        soon = undefined;
        refresh();
      }, CHANGE_GAP_MS);
    });
    return () => {
      clearInterval(timer);
      clearTimeout(soon);
      offQueue();
    };
  }, [client, refresh]);

  return { alarms, calendar, error, refresh };
}
