/**
 * Cuts a report's snapshot for a shift or a day: finds the period in the shift schedule,
 * cuts the data at the period's end (or now, for a shift still running) and builds the
 * snapshot from the store's report reads. A request for a period that has not begun, or a
 * shift the schedule does not have, is refused with its own code.
 */
import type { ReportPeriod, ReportRequest, ReportSnapshot } from '../../../shared/domain/report';
import { dayOfDate, shiftsOfDate, type ShiftSchedule } from '../../../shared/domain/shift';
import { CoreError } from '../errors';
import type { ReportReads } from '../store/report-reads';
import { buildReport, type ReportInput } from './aggregate';
import type { CenterFile } from './report-data';

export interface ReportDeps {
  reads: ReportReads;
  schedule: ShiftSchedule;
  center: CenterFile;
  deskId: string;
  now(): number;
  /** When the hub is configured but unreachable: the last time this desk heard from it. */
  hubDataUntil(): number | null;
  /** The clocks a case runs (the desk's clock data: category targets, published ones too). */
  rulesFor: ReportInput['rulesFor'];
}

export function reportPeriod(
  request: Pick<ReportRequest, 'kind' | 'date' | 'shiftId'>,
  schedule: ShiftSchedule,
): ReportPeriod {
  if (request.kind === 'day') {
    const day = dayOfDate(request.date, schedule);
    if (!day) throw new CoreError('report.bad_date', 'No such date.');
    return { kind: 'day', date: request.date, shiftId: null, ...day };
  }
  const shifts = shiftsOfDate(request.date, schedule);
  if (shifts.length === 0) throw new CoreError('report.bad_date', 'No such date.');
  const shift = shifts.find((s) => s.shiftId === request.shiftId);
  if (!shift) throw new CoreError('report.no_such_shift', 'The shift schedule has no such shift.');
  return {
    kind: 'shift',
    date: request.date,
    shiftId: shift.shiftId,
    start: shift.start,
    end: shift.end,
  };
}

export function cutReport(deps: ReportDeps, request: ReportRequest): ReportSnapshot {
  const period = reportPeriod(request, deps.schedule);
  const now = deps.now();
  if (period.start > now) {
    throw new CoreError('report.not_begun', 'That shift has not begun yet.');
  }
  return buildReport(deps.reads, {
    period,
    cutAt: Math.min(now, period.end),
    hubDataUntil: deps.hubDataUntil(),
    language: request.language,
    center: deps.center,
    deskId: deps.deskId,
    rulesFor: deps.rulesFor,
    outgoing: request.outgoing,
    incoming: request.incoming,
    notes: request.notes,
  });
}
