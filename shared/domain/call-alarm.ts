/**
 * "Telepon OPD", called the call alarm in code: the rule deciding that a dispatch needs
 * a phone call to its OPD (DESIGN §2: a dispatch never fails silently). Core applies it, at its own clock, to the
 * queue rows, the case detail, the status-bar count and the alarm sound; nothing else
 * decides it. Pure: no clock of its own, no I/O.
 */
import { ACCEPT_TARGET_MS, SEND_TARGET_MS, dispatchAlarm } from './alarm';
import type { DeskDispatchStatus } from './dispatch';
import type { Urgency } from './reference';

export { ACCEPT_TARGET_MS, SEND_TARGET_MS };

const MIN = 60_000;

/** After "<OPD> sudah ditelepon" the alarm rests this long, then asks again if still stuck. */
export const CALL_REST_MS = 5 * MIN;

/** The only dispatch statuses that can need a call (core reads just these from its store). */
export const CALLABLE_STATUSES = ['waiting', 'refused', 'at_hub', 'seen'] as const;
export type CallableStatus = (typeof CALLABLE_STATUSES)[number];

/**
 * The youngest a dispatch of each status can be when the rule below raises it: it stays
 * quiet up to and including this age, whatever its urgency or calls. A store may skip the
 * younger ones unread (a desk draining thousands of fresh dispatches would otherwise read
 * them all on every look); the rule still decides for the rest.
 */
export const QUIET_UP_TO_MS: Readonly<Record<CallableStatus, number | null>> = {
  refused: null, // at any age
  waiting: SEND_TARGET_MS,
  at_hub: Math.min(...Object.values(ACCEPT_TARGET_MS)),
  seen: Math.min(...Object.values(ACCEPT_TARGET_MS)),
};

export interface CallAlarmInput {
  status: DeskDispatchStatus;
  /** When the dispatch was made (the clocks start here). */
  createdAt: number;
  /** When an operator last recorded phoning the OPD about it. */
  calledAt?: number | null;
  /** The case's urgency: it sets the accept target. */
  urgency: Urgency;
}

/**
 * True while the dispatch needs a phone call: refused by the hub for good, still unsent
 * after the send target, or not accepted within the accept target — until an operator
 * records the call, which rests it for CALL_REST_MS (a refusal, handled by phone, for good).
 * The edges belong to the quiet side: exactly at a target it is not yet late.
 */
export function callAlarmRaised(d: CallAlarmInput, now: number): boolean {
  if (d.calledAt != null) {
    if (d.status === 'refused' || now - d.calledAt <= CALL_REST_MS) return false;
  }
  // The red row is the alarm model's breach: refused, unsent or unaccepted past its target.
  return dispatchAlarm(d, now)?.level === 'breached';
}
