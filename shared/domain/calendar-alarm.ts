/**
 * "Kalender libur 2027 belum lengkap": the supervisors' alarm for a holiday calendar that
 * cannot count the working days ahead. From the hub's today, the SP4N-LAPOR! clocks of a case
 * reported now may reach as far as its longest chain of working-day targets (forward, follow
 * up, close); a year in that span the calendar does not list, or lists without every day off,
 * raises one alarm until a supervisor acknowledges it. Pure: no clock of its own, no I/O.
 */
import { z } from 'zod';
import { isWorkingDay, wibDayNumber, type ClockRules, type WorkingCalendar } from './clocks';

const DAY_MS = 86_400_000;

export const CalendarProblem = z.enum(['missing', 'incomplete']);
export type CalendarProblem = z.infer<typeof CalendarProblem>;

/** A year the supervisors must complete in resources/data/calendar.json. */
export interface CalendarGap {
  year: number;
  problem: CalendarProblem;
}

/** One raised calendar alarm as supervisors see it, with who acknowledged it, if anyone. */
export const RaisedCalendarAlarm = z.object({
  /** `calendar:<year>`: one alarm per year, whatever is wrong with it. */
  id: z.string(),
  year: z.number().int(),
  problem: CalendarProblem,
  acked: z.object({ person: z.string(), deskId: z.string(), at: z.number().int() }).nullable(),
});
export type RaisedCalendarAlarm = z.infer<typeof RaisedCalendarAlarm>;

export const calendarAlarmId = (year: number): string => `calendar:${year}`;

/** The year of a calendar alarm's id, or null for any other id. */
export function calendarAlarmYear(id: string): number | null {
  const m = /^calendar:(\d{4})$/.exec(id);
  return m ? Number(m[1]) : null;
}

/**
 * How many working days ahead the calendar must reach: the longest chain of SP4N-LAPOR!
 * targets any of these rules runs (3 + 5 + 10 by default), at least 1.
 */
export function workingDayHorizon(rules: Iterable<ClockRules>): number {
  let days = 1;
  for (const r of rules) {
    if (r.lapor)
      days = Math.max(days, r.lapor.forwardDays + r.lapor.followUpDays + r.lapor.closeDays);
  }
  return days;
}

// A guard against a calendar that lists every day as off.
const MAX_SCAN_DAYS = 3660;

/**
 * The years between `now`'s WIB day and `horizon` working days after it that the calendar
 * misses or has not completed, in order. A missing year ends the scan: the days after it
 * cannot be counted.
 */
export function calendarGaps(cal: WorkingCalendar, now: number, horizon: number): CalendarGap[] {
  const gaps: CalendarGap[] = [];
  const noted = new Set<number>();
  let day = wibDayNumber(now);
  let left = horizon;
  for (let i = 0; i <= MAX_SCAN_DAYS && left >= 0; i++, day++) {
    const year = new Date(day * DAY_MS).getUTCFullYear();
    const working = isWorkingDay(day, cal);
    if (!working.ok) {
      gaps.push({ year, problem: 'missing' });
      break;
    }
    if (cal.incompleteYears.has(year) && !noted.has(year)) {
      noted.add(year);
      gaps.push({ year, problem: 'incomplete' });
    }
    // Today itself is not counted: the clocks count from the day after the start.
    if (i > 0 && working.value) left -= 1;
    if (left === 0) break;
  }
  return gaps;
}
