/**
 * The three clocks of DESIGN §2 as one model for the console, the dashboard, the alarms and
 * the handover report. Pure functions, no I/O, no clock of their own: callers pass "now"
 * (the hub's time where known: `hubNow`). All days are WIB days whatever the machine's zone.
 *
 * Typical use:
 *   const calendar = workingCalendar(CalendarFile.parse(json));      // resources/data/calendar.json
 *   const rules = clockRulesFor(category.clocks, caseUrgency, atRiskShare);
 *   const clocks = caseClocks(facts, rules, calendar, hubNow(Date.now(), offset));
 *   worstState(clocks);                 // 'breached' | 'at_risk' | … for a row or an OPD
 *   missingCalendarYears(clocks);       // [2028] → raise "calendar missing for year 2028"
 *   incompleteCalendarYears(clocks);    // [2027] → warn: that year's decree not fully entered
 *
 * - Emergency minutes: `dispatch` ≤ 2 min after the call ends, `accept` ≤ 5 min after the
 *   dispatch, `resolve` within the category's target (per dispatch).
 * - City: `follow_up` within 24 h (first OPD acceptance); on a case without emergency
 *   minutes each dispatch's `accept` runs on these hours.
 * - SP4N-LAPOR! (never on darurat cases): `lapor_forward` 3, `lapor_follow_up` 5,
 *   `lapor_close` 10 working days (`autoCloseDue`); weekends, national holidays and cuti
 *   bersama skipped.
 * States: pending | running | at_risk (share ≥ atRiskShare, default 0.75) | breached | met |
 * not_applicable. Deadlines are inclusive: exactly at `dueAt` a clock is not yet late.
 */
export {
  CalendarFile,
  OffDayKind,
  addWorkingDays,
  calendarIncomplete,
  calendarMissing,
  incompleteYearBetween,
  isWorkingDay,
  isoDate,
  wibDayNumber,
  wibDayStart,
  workingCalendar,
  workingDaysBetween,
  workingTimeBetween,
  type CalendarIncomplete,
  type CalendarMissing,
  type CalendarResult,
  type WorkingCalendar,
} from './calendar';
export {
  AtRiskShare,
  CategoryClocks,
  CityTargets,
  DEFAULT_AT_RISK_SHARE,
  EmergencyTargets,
  LaporTargets,
  clockRulesFor,
  type ClockRules,
} from './rules';
export {
  ClockFamily,
  ClockName,
  ClockProblem,
  ClockReading,
  ClockState,
  ClockUnit,
  worstState,
} from './reading';
export {
  autoCloseDue,
  caseClocks,
  dispatchClocks,
  incompleteCalendarYears,
  missingCalendarYears,
  type CaseFacts,
  type DispatchFacts,
} from './case-clocks';
export { hubClockOffset, hubNow, type OffsetSample } from './hub-time';
