/**
 * The report's clock columns: which clocks a dispatch breached by the time the report was
 * cut, read from the same clocks as the alarms and the dashboard (shared/domain/clocks): the
 * case's category and urgency decide them, published targets included. Sent to the hub
 * within the dispatch target (2 minutes by default); accepted within the emergency minutes,
 * else the city's hours; resolved within the category's target where it sets one.
 */
import { SEND_TARGET_MS } from '../../../shared/domain/alarm';
import {
  dispatchClocks,
  type ClockRules,
  type WorkingCalendar,
} from '../../../shared/domain/clocks';
import { DESK_DISPATCH_LIFECYCLE } from '../../../shared/domain/lifecycle';
import type { ClockBreaches } from '../../../shared/domain/report';
import type { ReportDispatchRow } from '../store/report-reads';

const MIN_MS = 60_000;

// A dispatch's clocks run in minutes and hours: none of them reads the holiday calendar.
const NO_CALENDAR: WorkingCalendar = {
  years: new Set(),
  incompleteYears: new Set(),
  offDays: new Map(),
};

export type Breached = { [K in keyof ClockBreaches]: boolean };

export function clockBreaches(d: ReportDispatchRow, cutAt: number, rules: ClockRules): Breached {
  const rule = DESK_DISPATCH_LIFECYCLE[d.status];
  const sendMs = rules.emergency ? rules.emergency.dispatchMin * MIN_MS : SEND_TARGET_MS;
  const send = rule.stage !== 'sent' && cutAt - d.created_at > sendMs;
  // Returned or withdrawn: no OPD holds it any more, so its clocks stopped (when it was
  // returned; a withdrawal's moment is not on the dispatch, so it counts as never started).
  const endedAt = rule.holds ? null : (d.returned_at ?? d.created_at);
  const readings = dispatchClocks(
    {
      dispatchId: d.id,
      opdId: d.opd_id,
      dispatchedAt: d.created_at,
      acceptedAt: d.accepted_at,
      resolvedAt: d.resolved_at,
      endedAt,
    },
    rules,
    NO_CALENDAR,
    cutAt,
  );
  const breached = (clock: 'accept' | 'resolve') =>
    readings.some((r) => r.clock === clock && r.state === 'breached');
  return { send, accept: breached('accept'), resolve: breached('resolve') };
}
