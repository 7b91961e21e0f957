/**
 * The calendar alarm at the hub: a supervisor acknowledges that a year's holiday calendar is
 * missing or not complete. The first acknowledgement of a year stands (a later one is answered
 * with its seq); it goes into the center audit log and out to every desk as `calendar.acked`.
 * No table of its own: the audit entry is the record, and carries the event's seq.
 */
import type { z } from 'zod';
import type { CalendarAck } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { EventLog } from './event-log';
import type { PersonAuth } from './person-auth';
import { sqlFor, type HubStore } from './store/store';

export const CALENDAR_ACK_ACTION = 'calendar.ack';

export function createCalendarAlarmOperations(
  db: HubStore,
  eventLog: EventLog,
  once: AppliedAnswers['once'],
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
) {
  // Rare and few: the audit rows of this one action, read without an index.
  const firstAck = db.prepare<[string, number], { seq: number }>(
    sqlFor(db, {
      sqlite: `SELECT json_extract(details, '$.seq') AS seq FROM audit
               WHERE action = ? AND json_extract(details, '$.year') = ? ORDER BY id LIMIT 1`,
      postgres: `SELECT (details::jsonb ->> 'seq')::bigint AS seq FROM audit
                 WHERE action = ? AND (details::jsonb ->> 'year')::int = ? ORDER BY id LIMIT 1`,
    }),
  );

  return {
    ackCalendar(who: TokenEntry, msg: z.output<typeof CalendarAck>): Outcome<{ seq: number }> {
      return once<{ seq: number }>(CALENDAR_ACK_ACTION, who, msg.ackId, () => {
        const supervisor = auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        const first = firstAck.get(CALENDAR_ACK_ACTION, msg.year);
        if (first) return { ack: { ok: true, seq: first.seq }, events: [] };
        const at = now();
        const event = eventLog.append({
          type: 'calendar.acked',
          at,
          actor: msg.actor,
          year: msg.year,
          problem: msg.problem,
        });
        audit.record({
          at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: CALENDAR_ACK_ACTION,
          desk: who.id,
          details: { year: msg.year, problem: msg.problem, seq: event.seq },
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },
  };
}
