/**
 * The report's clock columns: which clocks a dispatch breached by the time the report was
 * cut. One function, so the report can switch to the center's full clock model in one place.
 * Today it applies the default clocks of the case's urgency (send within 2 minutes, accept
 * within 5 for an emergency, the city's 24 hours otherwise) and the category's resolve target.
 */
import { SEND_TARGET_MS } from '../../../shared/domain/alarm';
import { clockRulesFor } from '../../../shared/domain/clocks';
import { DESK_DISPATCH_LIFECYCLE } from '../../../shared/domain/lifecycle';
import type { ClockBreaches } from '../../../shared/domain/report';
import type { ReportDispatchRow } from '../store/report-reads';

const MIN_MS = 60_000;

/** The accept target of the default clocks of an urgency (shared/domain/clocks). */
function acceptTargetMs(urgency: ReportDispatchRow['urgency']): number {
  const rules = clockRulesFor(undefined, urgency);
  return rules.emergency
    ? rules.emergency.acceptMin * MIN_MS
    : (rules.city?.followUpHours ?? 24) * 60 * MIN_MS;
}

export type Breached = { [K in keyof ClockBreaches]: boolean };

export function clockBreaches(d: ReportDispatchRow, cutAt: number): Breached {
  const age = (until: number | null) => (until ?? cutAt) - d.created_at;
  const rule = DESK_DISPATCH_LIFECYCLE[d.status];
  // Returned or withdrawn: no OPD holds it any more, so its clocks stopped.
  const gaveUp = !rule.holds;
  const send = rule.stage !== 'sent' && age(null) > SEND_TARGET_MS;
  const acceptTarget = acceptTargetMs(d.urgency);
  const accept =
    d.accepted_at !== null
      ? age(d.accepted_at) > acceptTarget
      : !gaveUp && age(null) > acceptTarget;
  const target = d.resolve_target_min === null ? null : d.resolve_target_min * MIN_MS;
  const resolve =
    target !== null &&
    (d.resolved_at !== null ? age(d.resolved_at) > target : !gaveUp && age(null) > target);
  return { send, accept, resolve };
}
