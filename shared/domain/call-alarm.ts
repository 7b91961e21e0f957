/**
 * "Telepon OPD", called the call alarm in code: the rule deciding that a dispatch needs
 * a phone call to its OPD (DESIGN §2: a dispatch never fails silently). Core applies it, at its own clock, to the
 * queue rows, the case detail, the status-bar count and the alarm sound; nothing else
 * decides it. It is the alarm model's breach (alarm.ts, on the clocks of shared/domain/clocks)
 * for the dispatches an OPD has not taken yet. Pure: no clock of its own, no I/O.
 */
import { SEND_TARGET_MS, dispatchAlarm, type AlarmReason } from './alarm';
import {
  DEFAULT_AT_RISK_SHARE,
  clockRulesFor,
  type CategoryClocks,
  type ClockRules,
} from './clocks';
import type { DeskDispatchStatus } from './dispatch';
import type { Urgency } from './reference';

const MIN = 60_000;

/** After "<OPD> sudah ditelepon" the alarm rests this long, then asks again if still stuck. */
export const CALL_REST_MS = 5 * MIN;

/** The only dispatch statuses that can need a call (core reads just these from its store). */
export const CALLABLE_STATUSES = ['waiting', 'refused', 'at_hub', 'seen'] as const;
export type CallableStatus = (typeof CALLABLE_STATUSES)[number];

/** Phoning the OPD helps while it has not taken the dispatch; a slow resolve is the supervisor's. */
const CALL_REASONS: ReadonlySet<AlarmReason> = new Set(['refused', 'unsent', 'unaccepted']);

/**
 * The shortest targets among the clocks a desk runs (every category's, and the defaults) and
 * the smallest at-risk share: a store narrows its reads with them, the model decides.
 */
export interface ShortestTargets {
  sendMs: number;
  acceptMs: number;
  /** Null: no category sets a resolve target. */
  resolveMs: number | null;
  atRiskShare: number;
}

/** The shortest targets over these rules (add the defaults' rules to cover unknown categories). */
export function shortestTargets(rules: Iterable<ClockRules>): ShortestTargets {
  let sendMs = SEND_TARGET_MS;
  let acceptMs = Number.POSITIVE_INFINITY;
  let resolveMs: number | null = null;
  let atRiskShare = DEFAULT_AT_RISK_SHARE;
  for (const r of rules) {
    atRiskShare = Math.min(atRiskShare, r.atRiskShare);
    if (r.emergency) {
      sendMs = Math.min(sendMs, r.emergency.dispatchMin * MIN);
      acceptMs = Math.min(acceptMs, r.emergency.acceptMin * MIN);
      if (r.emergency.resolveMin !== undefined)
        resolveMs = Math.min(resolveMs ?? Infinity, r.emergency.resolveMin * MIN);
    } else if (r.city) acceptMs = Math.min(acceptMs, r.city.followUpHours * 60 * MIN);
  }
  return {
    sendMs,
    acceptMs: Number.isFinite(acceptMs) ? acceptMs : 5 * MIN,
    resolveMs,
    atRiskShare,
  };
}

/** The default clocks' shortest targets: 2 minutes to send, 5 to accept, no resolve target. */
export const DEFAULT_SHORTEST: ShortestTargets = {
  sendMs: SEND_TARGET_MS,
  acceptMs: 5 * MIN,
  resolveMs: null,
  atRiskShare: DEFAULT_AT_RISK_SHARE,
};

/**
 * The youngest a dispatch of each status can be when the rule below raises it: it stays
 * quiet up to and including this age, whatever its urgency or calls. A store may skip the
 * younger ones unread (a desk draining thousands of fresh dispatches would otherwise read
 * them all on every look); the rule still decides for the rest.
 */
export function quietUpTo(
  shortest: ShortestTargets,
): Readonly<Record<CallableStatus, number | null>> {
  return {
    refused: null, // at any age
    waiting: shortest.sendMs,
    at_hub: shortest.acceptMs,
    seen: shortest.acceptMs,
  };
}

/** The quiet ages under the default clocks. */
export const QUIET_UP_TO_MS = quietUpTo(DEFAULT_SHORTEST);

export interface CallAlarmInput {
  status: DeskDispatchStatus;
  /** When the dispatch was made (the clocks start here). */
  createdAt: number;
  /** When an operator last recorded phoning the OPD about it. */
  calledAt?: number | null;
  /** The case's urgency: without `rules`, it picks the default clocks. */
  urgency: Urgency;
  /** The clocks the case runs (its category's targets); absent: the defaults. */
  rules?: ClockRules | null | undefined;
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
  const alarm = dispatchAlarm(d, now);
  return alarm?.level === 'breached' && CALL_REASONS.has(alarm.reason);
}

/** What a store needs to read alarms by the clocks: each case's rules, and the shortest targets. */
export interface AlarmClocks {
  rulesFor(categoryId: string, urgency: Urgency): ClockRules;
  shortest: ShortestTargets;
}

/** The default clocks for every category (a store opened without the clocks' data). */
export const DEFAULT_ALARM_CLOCKS: AlarmClocks = {
  rulesFor: (_categoryId, urgency) => clockRulesFor(undefined, urgency),
  shortest: DEFAULT_SHORTEST,
};

/**
 * The alarm clocks of the categories in categories.json: one rules object per category and
 * urgency (alarms and dashboards ask per row), an unknown category running the defaults.
 */
export function alarmClocksFor(
  categories: ReadonlyArray<{ id: string; clocks?: CategoryClocks; resolveTargetMin?: number }>,
  atRiskShare: number = DEFAULT_AT_RISK_SHARE,
): AlarmClocks {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const known = new Map<string, ClockRules>();
  const rulesFor = (categoryId: string, urgency: Urgency): ClockRules => {
    const key = `${urgency}:${byId.has(categoryId) ? categoryId : ''}`;
    let rules = known.get(key);
    if (!rules) {
      rules = clockRulesFor(byId.get(categoryId), urgency, atRiskShare);
      known.set(key, rules);
    }
    return rules;
  };
  const urgencies: Urgency[] = ['darurat', 'non_darurat'];
  const every = ['', ...byId.keys()].flatMap((id) => urgencies.map((u) => rulesFor(id, u)));
  return { rulesFor, shortest: shortestTargets(every) };
}
