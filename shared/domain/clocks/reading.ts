/**
 * What one clock says at a given moment: what it measures, when it started, when it is due,
 * whether it was stopped (met) and how much of its target is gone. The same shape for the
 * case detail, the dashboard, the alarms and the report; a zod schema because it crosses the
 * console API.
 */
import { z } from 'zod';

/** The three clocks of DESIGN §2, one family each. */
export const ClockFamily = z.enum(['emergency', 'city', 'lapor']);
export type ClockFamily = z.infer<typeof ClockFamily>;

/**
 * What a clock measures:
 * - `dispatch`: the case reached the hub as a dispatch, counted from the call's end (minutes);
 * - `accept`: one dispatch accepted by its OPD, from the dispatch (emergency minutes; the
 *   city's hours on a case without emergency minutes);
 * - `resolve`: one dispatch resolved by its OPD, from the dispatch (emergency minutes);
 * - `follow_up`: the city's 24 hours, from the call's end to the first OPD's acceptance;
 * - `lapor_forward`: verified and forwarded to an OPD (working days from the call's end);
 * - `lapor_follow_up`: the OPD's follow-up (working days from the first dispatch to its
 *   acceptance);
 * - `lapor_close`: a resolved case closes after 10 working days without the reporter
 *   calling back that it is not fixed (from resolution to closing).
 */
export const ClockName = z.enum([
  'dispatch',
  'accept',
  'resolve',
  'follow_up',
  'lapor_forward',
  'lapor_follow_up',
  'lapor_close',
]);
export type ClockName = z.infer<typeof ClockName>;

/**
 * - `pending`: not started yet (waits for its start: a dispatch, a resolution);
 * - `running`: started, below the at-risk share of its target;
 * - `at_risk`: started, at or past the at-risk share, not yet due;
 * - `breached`: past due, stopped or not (a late stop stays a breach);
 * - `met`: stopped on or before its due time;
 * - `not_applicable`: does not run on this case (a darurat case has no working-day clock), or
 *   the case or dispatch ended (cancelled, returned, withdrawn) before it was due.
 */
export const ClockState = z.enum([
  'pending',
  'running',
  'at_risk',
  'breached',
  'met',
  'not_applicable',
]);
export type ClockState = z.infer<typeof ClockState>;

export const ClockUnit = z.enum(['minutes', 'hours', 'working_days']);
export type ClockUnit = z.infer<typeof ClockUnit>;

/**
 * `calendar.year_missing`: the calendar has no such year, so the due time is unknown (an
 * alarm). `calendar.year_incomplete`: the year is listed without every day off yet, so the
 * due time may come a day or two early (a warning).
 */
export const ClockProblem = z.object({
  code: z.enum(['calendar.year_missing', 'calendar.year_incomplete']),
  year: z.number().int(),
  message: z.string(),
});
export type ClockProblem = z.infer<typeof ClockProblem>;

export const ClockReading = z.object({
  clock: ClockName,
  family: ClockFamily,
  /** The dispatch an `accept` or `resolve` clock belongs to; null on the case's own clocks. */
  dispatchId: z.string().nullable(),
  opdId: z.string().nullable(),
  target: z.object({ amount: z.number().int().positive(), unit: ClockUnit }),
  startedAt: z.number().int().nullable(),
  /** The last moment that still meets the target; null before the start or without a calendar. */
  dueAt: z.number().int().nullable(),
  /** When its event happened (or the case/dispatch ended); null while it runs. */
  stoppedAt: z.number().int().nullable(),
  state: ClockState,
  /** Elapsed ÷ target (working time for working days): 1 is due; null when not known. */
  share: z.number().nonnegative().nullable(),
  /** The calendar misses (or has not all of) a year this clock needs; see ClockProblem. */
  problem: ClockProblem.nullable(),
});
export type ClockReading = z.infer<typeof ClockReading>;

/** Worst first: what a row, a case or an OPD shows when it has several clocks. */
const SEVERITY: Readonly<Record<ClockState, number>> = {
  breached: 5,
  at_risk: 4,
  running: 3,
  pending: 2,
  met: 1,
  not_applicable: 0,
};

/** The most urgent state among clocks (`not_applicable` for none). */
export function worstState(states: Iterable<ClockState | { state: ClockState }>): ClockState {
  let worst: ClockState = 'not_applicable';
  for (const s of states) {
    const state = typeof s === 'string' ? s : s.state;
    if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  }
  return worst;
}
