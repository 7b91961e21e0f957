/**
 * Reads the three clocks of a case and of its dispatches at a moment the caller gives (the
 * hub's time where known: see hub-time.ts). Pure: no clock of its own, no I/O; facts in,
 * readings out. Every screen, alarm and report that speaks of "late" asks here.
 */
import type { Urgency } from '../reference';
import {
  addWorkingDays,
  calendarIncomplete,
  incompleteYearBetween,
  workingTimeBetween,
  type WorkingCalendar,
} from './calendar';
import type {
  ClockFamily,
  ClockName,
  ClockProblem,
  ClockReading,
  ClockState,
  ClockUnit,
} from './reading';
import type { ClockRules } from './rules';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** What happened to one dispatch, in epoch ms (null: not yet). */
export interface DispatchFacts {
  dispatchId: string;
  opdId: string;
  /** When it reached the hub (the hub's `queuedAt`); null while it waits in the outbox. */
  dispatchedAt: number | null;
  /** When the OPD first accepted it (or moved it further). */
  acceptedAt: number | null;
  resolvedAt: number | null;
  /** Returned as bukan wewenang, withdrawn or refused for good: its clocks stop counting. */
  endedAt: number | null;
}

/** What happened to a case, in epoch ms (null: not yet). */
export interface CaseFacts {
  /** The case's urgency as recorded (it may differ from its category's default). */
  urgency: Urgency;
  /** When the first call ended: the report is complete and the clocks start. */
  reportedAt: number;
  dispatches: readonly DispatchFacts[];
  /** When the case became resolved (the latest time, after a reopening). */
  resolvedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
}

interface Spec {
  clock: ClockName;
  family: ClockFamily;
  amount: number;
  unit: ClockUnit;
  dispatchId: string | null;
  opdId: string | null;
  startedAt: number | null;
  /** Its own event: the moment it is met (or missed, when late). */
  stoppedAt: number | null;
  /** The case or dispatch ended without the event: the clock stops unmet here. */
  endedAt: number | null;
}

const earliest = (values: ReadonlyArray<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.min(...known) : null;
};

/** Reads one clock: its due time, state and share at `now`. */
function read(spec: Spec, rules: ClockRules, calendar: WorkingCalendar, now: number): ClockReading {
  const base = {
    clock: spec.clock,
    family: spec.family,
    dispatchId: spec.dispatchId,
    opdId: spec.opdId,
    target: { amount: spec.amount, unit: spec.unit },
    startedAt: spec.startedAt,
  };
  if (spec.startedAt === null) {
    const state: ClockState = spec.endedAt !== null ? 'not_applicable' : 'pending';
    return { ...base, dueAt: null, stoppedAt: spec.endedAt, state, share: null, problem: null };
  }
  const start = spec.startedAt;
  const end = spec.stoppedAt ?? spec.endedAt ?? now;
  let dueAt: number;
  let share: number;
  let problem: ClockReading['problem'] = null;
  if (spec.unit === 'working_days') {
    const due = addWorkingDays(start, spec.amount, calendar);
    const elapsed = workingTimeBetween(start, Math.max(start, end), calendar);
    if (!due.ok || !elapsed.ok) {
      const problem = !due.ok ? due.missing : !elapsed.ok ? elapsed.missing : null;
      const stoppedAt = spec.stoppedAt ?? spec.endedAt;
      return { ...base, dueAt: null, stoppedAt, state: 'running', share: null, problem };
    }
    dueAt = due.value;
    share = elapsed.value / spec.amount;
    const incomplete = incompleteYearBetween(start, dueAt, calendar);
    if (incomplete !== null) problem = calendarIncomplete(incomplete);
  } else {
    const span = spec.amount * (spec.unit === 'minutes' ? MIN : HOUR);
    dueAt = start + span;
    share = Math.max(0, end - start) / span;
  }
  let state: ClockState;
  let stoppedAt: number | null = null;
  if (spec.stoppedAt !== null) {
    stoppedAt = spec.stoppedAt;
    state = spec.stoppedAt <= dueAt ? 'met' : 'breached';
  } else if (spec.endedAt !== null) {
    stoppedAt = spec.endedAt;
    state = spec.endedAt <= dueAt ? 'not_applicable' : 'breached';
  } else if (now > dueAt) {
    state = 'breached';
  } else {
    state = share >= rules.atRiskShare ? 'at_risk' : 'running';
  }
  return { ...base, dueAt, stoppedAt, state, share, problem };
}

function notApplicable(clock: ClockName, family: ClockFamily, unit: ClockUnit): ClockReading {
  return {
    clock,
    family,
    dispatchId: null,
    opdId: null,
    target: { amount: 1, unit },
    startedAt: null,
    dueAt: null,
    stoppedAt: null,
    state: 'not_applicable',
    share: null,
    problem: null,
  };
}

/**
 * The clocks of one dispatch: `accept` (the emergency minutes, else the city's hours) and,
 * where the category sets a resolve target, `resolve`. Both start when the dispatch reached
 * the hub and stop when the dispatch is returned, withdrawn or refused, or its case ends.
 */
export function dispatchClocks(
  d: DispatchFacts,
  rules: ClockRules,
  calendar: WorkingCalendar,
  now: number,
  caseEndedAt: number | null = null,
): ClockReading[] {
  const endedAt = earliest([d.endedAt, caseEndedAt]);
  const common = { dispatchId: d.dispatchId, opdId: d.opdId, startedAt: d.dispatchedAt, endedAt };
  const specs: Spec[] = [];
  const accepted = earliest([d.acceptedAt, d.resolvedAt]);
  if (rules.emergency) {
    specs.push({
      ...common,
      clock: 'accept',
      family: 'emergency',
      amount: rules.emergency.acceptMin,
      unit: 'minutes',
      stoppedAt: accepted,
    });
    if (rules.emergency.resolveMin !== undefined) {
      specs.push({
        ...common,
        clock: 'resolve',
        family: 'emergency',
        amount: rules.emergency.resolveMin,
        unit: 'minutes',
        stoppedAt: d.resolvedAt,
      });
    }
  } else if (rules.city) {
    specs.push({
      ...common,
      clock: 'accept',
      family: 'city',
      amount: rules.city.followUpHours,
      unit: 'hours',
      stoppedAt: accepted,
    });
  }
  return specs.map((s) => read(s, rules, calendar, now));
}

/**
 * Every clock of a case at `now`: its own clocks first (dispatch, follow_up, the three
 * SP4N-LAPOR! ones; `not_applicable` where they do not run), then each dispatch's. A
 * cancelled or closed case stops every clock still running at that moment.
 */
export function caseClocks(
  facts: CaseFacts,
  rules: ClockRules,
  calendar: WorkingCalendar,
  now: number,
): ClockReading[] {
  const caseEnded = earliest([facts.cancelledAt, facts.closedAt]);
  const firstDispatch = earliest(facts.dispatches.map((d) => d.dispatchedAt));
  const firstAccept = earliest(facts.dispatches.map((d) => earliest([d.acceptedAt, d.resolvedAt])));
  const own = { dispatchId: null, opdId: null, endedAt: caseEnded };
  const out: ClockReading[] = [];
  const run = (spec: Spec) => out.push(read(spec, rules, calendar, now));

  if (rules.emergency) {
    run({
      ...own,
      clock: 'dispatch',
      family: 'emergency',
      amount: rules.emergency.dispatchMin,
      unit: 'minutes',
      startedAt: facts.reportedAt,
      stoppedAt: firstDispatch,
    });
  } else out.push(notApplicable('dispatch', 'emergency', 'minutes'));

  if (rules.city) {
    run({
      ...own,
      clock: 'follow_up',
      family: 'city',
      amount: rules.city.followUpHours,
      unit: 'hours',
      startedAt: facts.reportedAt,
      stoppedAt: firstAccept,
    });
  } else out.push(notApplicable('follow_up', 'city', 'hours'));

  if (rules.lapor) {
    const lapor = { ...own, family: 'lapor' as const, unit: 'working_days' as const };
    run({
      ...lapor,
      clock: 'lapor_forward',
      amount: rules.lapor.forwardDays,
      startedAt: facts.reportedAt,
      stoppedAt: firstDispatch,
    });
    run({
      ...lapor,
      clock: 'lapor_follow_up',
      amount: rules.lapor.followUpDays,
      startedAt: firstDispatch,
      stoppedAt: firstAccept,
    });
    // Closing is this clock's own event: once resolved, only a cancellation ends it early.
    const resolved = facts.resolvedAt !== null;
    run({
      ...lapor,
      clock: 'lapor_close',
      amount: rules.lapor.closeDays,
      startedAt: facts.resolvedAt,
      stoppedAt: resolved ? facts.closedAt : null,
      endedAt: resolved ? facts.cancelledAt : caseEnded,
    });
  } else {
    for (const c of ['lapor_forward', 'lapor_follow_up', 'lapor_close'] as const) {
      out.push(notApplicable(c, 'lapor', 'working_days'));
    }
  }

  for (const d of facts.dispatches) out.push(...dispatchClocks(d, rules, calendar, now, caseEnded));
  return out;
}

/**
 * When a resolved case closes by itself: the end of the 10th working day (or the category's
 * `closeDays`) after it was resolved, unless the reporter called back that it is not fixed.
 */
export function autoCloseDue(
  resolvedAt: number,
  calendar: WorkingCalendar,
  closeDays = 10,
): ReturnType<typeof addWorkingDays> {
  return addWorkingDays(resolvedAt, closeDays, calendar);
}

/** The years the calendar misses for these readings (each once): raise one alarm per year. */
export function missingCalendarYears(readings: Iterable<ClockReading>): number[] {
  return yearsWith(readings, 'calendar.year_missing');
}

/** The years listed but not complete for these readings (each once): worth a warning. */
export function incompleteCalendarYears(readings: Iterable<ClockReading>): number[] {
  return yearsWith(readings, 'calendar.year_incomplete');
}

function yearsWith(readings: Iterable<ClockReading>, code: ClockProblem['code']): number[] {
  const years = new Set<number>();
  for (const r of readings) if (r.problem?.code === code) years.add(r.problem.year);
  return [...years].sort((a, b) => a - b);
}
