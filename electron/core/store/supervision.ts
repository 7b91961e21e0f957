/**
 * Supervisors' alarms on this desk: the one writer of `alarm_acks` and `escalations` (from
 * the hub's `alarm.acked` and `dispatch.escalated` events), and the read of every raised
 * alarm, by the one model in shared/domain/alarm.ts on the case's clocks, with who
 * acknowledged it. SQL only narrows the rows to dispatches old enough to be at risk under the
 * shortest targets; the model decides.
 */
import { alarmId, dispatchAlarm, type RaisedAlarm } from '../../../shared/domain/alarm';
import {
  calendarAlarmId,
  type CalendarGap,
  type RaisedCalendarAlarm,
} from '../../../shared/domain/calendar-alarm';
import {
  CALLABLE_STATUSES,
  DEFAULT_ALARM_CLOCKS,
  quietUpTo,
  type AlarmClocks,
} from '../../../shared/domain/call-alarm';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import type { Urgency } from '../../../shared/domain/reference';
import type { HubEvent } from '../../../shared/hub/messages';
import type { Store } from './database';

type EventOf<T extends HubEvent['type']> = Extract<HubEvent, { type: T }>;

interface Candidate {
  dispatchId: string;
  caseId: string;
  opdId: string;
  status: DeskDispatchStatus;
  createdAt: number;
  urgency: Urgency;
  categoryId: string;
  arming: number;
  rearmedAt: number | null;
}

/** The statuses that can raise an alarm: the callable ones, and those the OPD must resolve. */
const ALARM_STATUSES = [...CALLABLE_STATUSES, 'accepted', 'in_progress'] as const;
const STATUS_LIST = ALARM_STATUSES.map((s) => `'${s}'`).join(', ');
const OLD_ENOUGH = `d.created_at < CASE d.status ${ALARM_STATUSES.map((s) => `WHEN '${s}' THEN ?`).join(' ')} END`;

export function createSupervision(db: Store, clocks: AlarmClocks = DEFAULT_ALARM_CLOCKS) {
  /**
   * Made before these, a dispatch of each status may be at risk at `now` (at-risk is
   * inclusive). Asked each time: a supervisor may publish shorter targets while the desk runs.
   */
  const bounds = (now: number): number[] => {
    const { shortest } = clocks;
    const quiet: Record<(typeof ALARM_STATUSES)[number], number | null | undefined> = {
      ...quietUpTo(shortest),
      // undefined: no category sets a resolve target, so these never raise one.
      accepted: shortest.resolveMs ?? undefined,
      in_progress: shortest.resolveMs ?? undefined,
    };
    return ALARM_STATUSES.map((s) => {
      const q = quiet[s];
      if (q === undefined) return Number.MIN_SAFE_INTEGER;
      return q === null ? Number.MAX_SAFE_INTEGER : now - Math.ceil(q * shortest.atRiskShare) + 1;
    });
  };
  const insertAck = db.prepare(
    `INSERT OR IGNORE INTO alarm_acks (dispatch_id, level, arming, person, desk_id, at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertEscalation = db.prepare(
    'INSERT OR IGNORE INTO escalations (seq, dispatch_id, note, person, at) VALUES (?, ?, ?, ?, ?)',
  );
  const candidates = db.prepare<number[], Candidate>(
    `SELECT d.id AS dispatchId, d.case_id AS caseId, d.opd_id AS opdId, d.status,
            d.created_at AS createdAt, c.urgency, c.category_id AS categoryId,
            (SELECT count(*) FROM escalations e WHERE e.dispatch_id = d.id) AS arming,
            (SELECT max(at) FROM escalations e WHERE e.dispatch_id = d.id) AS rearmedAt
     FROM dispatches d JOIN cases c ON c.id = d.case_id
     WHERE d.status IN (${STATUS_LIST}) AND ${OLD_ENOUGH}
     ORDER BY d.created_at, d.id`,
  );
  const ackOf = db.prepare<
    [string, string, number],
    { person: string; deskId: string; at: number }
  >(
    'SELECT person, desk_id AS deskId, at FROM alarm_acks WHERE dispatch_id = ? AND level = ? AND arming = ?',
  );
  const escalationsOf = db.prepare<[string], { note: string; person: string; at: number }>(
    'SELECT note, person, at FROM escalations WHERE dispatch_id = ? ORDER BY seq',
  );

  return {
    /** Every alarm raised at `now`, the longest waiting first, with its acknowledgement. */
    raised(now: number): RaisedAlarm[] {
      const out: RaisedAlarm[] = [];
      for (const d of candidates.all(...bounds(now))) {
        const state = dispatchAlarm({ ...d, rules: clocks.rulesFor(d.categoryId, d.urgency) }, now);
        if (!state) continue;
        const acked = ackOf.get(d.dispatchId, state.level, d.arming) ?? null;
        out.push({
          id: alarmId(d.dispatchId, state.level, d.arming),
          dispatchId: d.dispatchId,
          caseId: d.caseId,
          opdId: d.opdId,
          arming: d.arming,
          ...state,
          acked,
        });
      }
      return out;
    },

    /**
     * The calendar alarms raised for these gaps (calendar-alarm.ts), with who acknowledged
     * each. A year's acknowledgement is kept as an alarm ack under its id, `calendar:<year>`.
     */
    raisedCalendar(gaps: readonly CalendarGap[]): RaisedCalendarAlarm[] {
      return gaps.map(({ year, problem }) => {
        const id = calendarAlarmId(year);
        return { id, year, problem, acked: ackOf.get(id, 'breached', 0) ?? null };
      });
    },

    /** A supervisor somewhere acknowledged a year's calendar alarm; the first stands. */
    calendarAcked(e: EventOf<'calendar.acked'>): void {
      insertAck.run(calendarAlarmId(e.year), 'breached', 0, e.actor.person, e.actor.id, e.at);
    },

    /** The escalations of a dispatch, oldest first. */
    escalationsOf: (dispatchId: string) => escalationsOf.all(dispatchId),

    /** A supervisor somewhere acknowledged an alarm; the first acknowledgement stands. */
    acked(e: EventOf<'alarm.acked'>): void {
      insertAck.run(e.dispatchId, e.level, e.arming, e.actor.person, e.actor.id, e.at);
    },

    /**
     * A supervisor escalated a dispatch: its alarm is armed again from `now`, on this desk's
     * clock like the rule it restarts (the hub's stamp would shorten or stretch it by however
     * far the two clocks differ).
     */
    escalated(e: EventOf<'dispatch.escalated'>, now: number): void {
      insertEscalation.run(e.seq, e.dispatchId, e.note, e.actor.person, now);
    },
  };
}

export type Supervision = ReturnType<typeof createSupervision>;
