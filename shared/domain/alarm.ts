/**
 * The one alarm model: a dispatch at risk or past its target raises an alarm with an id,
 * its reason and since when. The operator's red "Telepon OPD" rows (call-alarm.ts) and the
 * supervisors' alarm panel both read it. Pure: no clock of its own, no I/O.
 */
import { z } from 'zod';
import type { DeskDispatchStatus } from './dispatch';
import type { Urgency } from './reference';

const MIN = 60_000;

/** DESIGN §2 emergency clock: a dispatch reaches the hub within 2 minutes. */
export const SEND_TARGET_MS = 2 * MIN;

/**
 * How long the OPD has to accept. An emergency: 5 minutes (DESIGN §2). A public-service
 * complaint: the city's follow-up target of 24 hours — phoning an agency about every
 * complaint not accepted within 5 minutes would bury the emergencies under alarms.
 */
export const ACCEPT_TARGET_MS: Readonly<Record<Urgency, number>> = {
  darurat: 5 * MIN,
  non_darurat: 24 * 60 * MIN,
};

/** "At risk": this share of the target has passed (issue #14's default). */
export const AT_RISK_SHARE = 0.75;

export const AlarmLevel = z.enum(['at_risk', 'breached']);
export type AlarmLevel = z.infer<typeof AlarmLevel>;

/** Why: the hub refused it for good, it is still unsent, or the OPD has not accepted it. */
export const AlarmReason = z.enum(['refused', 'unsent', 'unaccepted']);
export type AlarmReason = z.infer<typeof AlarmReason>;

export interface AlarmInput {
  status: DeskDispatchStatus;
  /** When the dispatch was made (the clocks start here). */
  createdAt: number;
  /** The case's urgency: it sets the accept target. */
  urgency: Urgency;
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

/** The target and the clock's start for a dispatch in this status, or none. */
function clockOf(d: AlarmInput): { reason: AlarmReason; start: number; target: number } | null {
  switch (d.status) {
    case 'waiting':
      return { reason: 'unsent', start: d.createdAt, target: SEND_TARGET_MS };
    case 'at_hub':
    case 'seen':
      return {
        reason: 'unaccepted',
        start: Math.max(d.createdAt, d.rearmedAt ?? d.createdAt),
        target: ACCEPT_TARGET_MS[d.urgency],
      };
    default:
      return null;
  }
}

/**
 * The dispatch's alarm at `now`, or null. The edges belong to the quiet side: exactly at
 * a target it is not yet breached, exactly at the at-risk share not yet at risk.
 */
export function dispatchAlarm(d: AlarmInput, now: number): AlarmState | null {
  if (d.status === 'refused') return { level: 'breached', reason: 'refused', since: d.createdAt };
  const clock = clockOf(d);
  if (!clock) return null;
  const age = now - clock.start;
  if (age > clock.target)
    return { level: 'breached', reason: clock.reason, since: clock.start + clock.target };
  const risk = Math.floor(clock.target * AT_RISK_SHARE);
  if (age > risk) return { level: 'at_risk', reason: clock.reason, since: clock.start + risk };
  return null;
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
