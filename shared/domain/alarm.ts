/**
 * The one alarm model: a dispatch at risk or past its target raises an alarm with an id,
 * its reason and since when. The targets and the at-risk edge are the clocks model's
 * (shared/domain/clocks): the alarm panel, the dashboard's counts and the operator's red
 * "Telepon OPD" rows (call-alarm.ts) all read them here. Pure: no clock of its own, no I/O.
 */
import { z } from 'zod';
import {
  EmergencyTargets,
  clockRulesFor,
  dispatchClocks,
  type ClockReading,
  type ClockRules,
  type WorkingCalendar,
} from './clocks';
import type { DeskDispatchStatus } from './dispatch';
import type { Urgency } from './reference';

const MIN = 60_000;
const DEFAULT_EMERGENCY = EmergencyTargets.parse({});

/** The send target of a case without emergency minutes (the clocks' default, 2 minutes). */
export const SEND_TARGET_MS = DEFAULT_EMERGENCY.dispatchMin * MIN;

export const AlarmLevel = z.enum(['at_risk', 'breached']);
export type AlarmLevel = z.infer<typeof AlarmLevel>;

/**
 * Why: the hub refused it for good, it is still unsent, the OPD has not accepted it, or has
 * not resolved it within its category's resolve target.
 */
export const AlarmReason = z.enum(['refused', 'unsent', 'unaccepted', 'unresolved']);
export type AlarmReason = z.infer<typeof AlarmReason>;

export interface AlarmInput {
  /** The desk's status, or the hub's (`queued` is the desk's `at_hub`). */
  status: DeskDispatchStatus | 'queued';
  /** When the dispatch was made (the clocks start here). */
  createdAt: number;
  /** The case's urgency: without `rules`, it picks the default clocks. */
  urgency: Urgency;
  /** The clocks the case runs (its category's targets: clockRulesFor); absent: the defaults. */
  rules?: ClockRules | null | undefined;
  /** A supervisor escalated it: the accept clock starts again from then (re-armed). */
  rearmedAt?: number | null;
}

export interface AlarmState {
  level: AlarmLevel;
  reason: AlarmReason;
  /** When the dispatch reached this level. */
  since: number;
}

/**
 * An alarm's id: one per dispatch, level and arming (0 as dispatched, n after the n-th
 * escalation: every desk counts the same escalations in the hub's order, whatever its
 * clock). Acknowledging one leaves the next (breached after at risk, or after an
 * escalation re-armed the dispatch) to sound again.
 */
export function alarmId(dispatchId: string, level: AlarmLevel, arming: number): string {
  return `${dispatchId}:${level}:${arming}`;
}

// Minute and hour clocks never read the calendar; a dispatch's clocks are all of those.
const NO_CALENDAR: WorkingCalendar = {
  years: new Set(),
  incompleteYears: new Set(),
  offDays: new Map(),
};

/** The rules a dispatch's case runs, from its input (the defaults for its urgency). */
export const alarmRules = (d: Pick<AlarmInput, 'rules' | 'urgency'>): ClockRules =>
  d.rules ?? clockRulesFor(undefined, d.urgency);

/** The moment a running clock crossed into `at_risk`: the first instant its share reached it. */
const atRiskFrom = (startedAt: number, dueAt: number, share: number): number =>
  startedAt + Math.ceil((dueAt - startedAt) * share);

function stateOf(r: ClockReading, reason: AlarmReason, share: number): AlarmState | null {
  if (r.startedAt === null || r.dueAt === null) return null;
  if (r.state === 'breached') return { level: 'breached', reason, since: r.dueAt };
  if (r.state === 'at_risk')
    return { level: 'at_risk', reason, since: atRiskFrom(r.startedAt, r.dueAt, share) };
  return null;
}

/**
 * The dispatch's alarm at `now`, or null, read from its clocks:
 * - still in the outbox: the emergency `dispatch` target (2 minutes by default; a dispatch
 *   never waits silently, whatever its urgency), from its making;
 * - at the hub, not accepted: its `accept` clock (the emergency minutes, else the city's
 *   hours);
 * - accepted, not resolved: its `resolve` clock where the category sets one;
 * each from its making or its latest escalation.
 * Deadlines are the clocks' own: exactly at the target it is not late yet, and from the
 * at-risk share of it (inclusive) it is at risk.
 */
export function dispatchAlarm(d: AlarmInput, now: number): AlarmState | null {
  if (d.status === 'refused') return { level: 'breached', reason: 'refused', since: d.createdAt };
  const rules = alarmRules(d);
  const share = rules.atRiskShare;
  const facts = {
    dispatchId: '',
    opdId: '',
    dispatchedAt: d.createdAt,
    acceptedAt: null,
    resolvedAt: null,
    endedAt: null,
  };
  // An escalation re-arms the alarm: the OPD's clock starts again from it.
  const start = Math.max(d.createdAt, d.rearmedAt ?? d.createdAt);
  switch (d.status) {
    case 'waiting': {
      const sendMin = (rules.emergency ?? DEFAULT_EMERGENCY).dispatchMin;
      // The send clock is the accept clock's shape over the dispatch target.
      const send: ClockRules = {
        ...rules,
        emergency: { dispatchMin: sendMin, acceptMin: sendMin },
      };
      const [r] = dispatchClocks(facts, send, NO_CALENDAR, now);
      return r ? stateOf(r, 'unsent', share) : null;
    }
    case 'at_hub':
    case 'queued':
    case 'seen': {
      const accept = dispatchClocks({ ...facts, dispatchedAt: start }, rules, NO_CALENDAR, now);
      const r = accept.find((c) => c.clock === 'accept');
      return r ? stateOf(r, 'unaccepted', share) : null;
    }
    case 'accepted':
    case 'in_progress': {
      const opd = { ...facts, dispatchedAt: start, acceptedAt: start };
      const clocks = dispatchClocks(opd, rules, NO_CALENDAR, now);
      const r = clocks.find((c) => c.clock === 'resolve');
      return r ? stateOf(r, 'unresolved', share) : null;
    }
    default:
      return null;
  }
}

/** One raised alarm as supervisors see it, with who acknowledged it, if anyone. */
export const RaisedAlarm = z.object({
  id: z.string(),
  dispatchId: z.string(),
  caseId: z.string(),
  opdId: z.string(),
  level: AlarmLevel,
  /** 0 as dispatched; n after the n-th escalation re-armed it. */
  arming: z.number().int().nonnegative(),
  reason: AlarmReason,
  since: z.number().int(),
  /** The acknowledgement of this very alarm (level and arming), or null. */
  acked: z.object({ person: z.string(), deskId: z.string(), at: z.number().int() }).nullable(),
});
export type RaisedAlarm = z.infer<typeof RaisedAlarm>;
