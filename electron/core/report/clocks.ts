/**
 * The report's clock columns: which clocks a dispatch breached by the time the report was
 * cut. One function, so the report can switch to the center's full clock model in one place.
 * Today it applies the emergency clock of the call-alarm rule (send within 2 minutes,
 * accept within 5 for an emergency, 24 hours otherwise) and the category's resolve target.
 */
import { ACCEPT_TARGET_MS, SEND_TARGET_MS } from '../../../shared/domain/call-alarm';
import { DESK_DISPATCH_LIFECYCLE } from '../../../shared/domain/lifecycle';
import type { ClockBreaches } from '../../../shared/domain/report';
import type { ReportDispatchRow } from '../store/report-reads';

const MIN_MS = 60_000;

export type Breached = { [K in keyof ClockBreaches]: boolean };

export function clockBreaches(d: ReportDispatchRow, cutAt: number): Breached {
  const age = (until: number | null) => (until ?? cutAt) - d.created_at;
  const rule = DESK_DISPATCH_LIFECYCLE[d.status];
  // Returned or withdrawn: no OPD holds it any more, so its clocks stopped.
  const gaveUp = !rule.holds;
  const send = rule.stage !== 'sent' && age(null) > SEND_TARGET_MS;
  const accept =
    d.accepted_at !== null
      ? age(d.accepted_at) > ACCEPT_TARGET_MS[d.urgency]
      : !gaveUp && age(null) > ACCEPT_TARGET_MS[d.urgency];
  const target = d.resolve_target_min === null ? null : d.resolve_target_min * MIN_MS;
  const resolve =
    target !== null &&
    (d.resolved_at !== null ? age(d.resolved_at) > target : !gaveUp && age(null) > target);
  return { send, accept, resolve };
}
