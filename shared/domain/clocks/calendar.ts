/**
 * The working-day calendar of the SP4N-LAPOR! clock: Monday to Friday in WIB, minus national
 * holidays and cuti bersama from a yearly calendar file (SKB 3 Menteri). Pure: dates are WIB
 * calendar days counted from epoch ms, never through the machine's own zone. A day in a year
 * the file does not cover is never guessed: the answer says which year is missing.
 */
import { z } from 'zod';

const DAY_MS = 86_400_000;
const WIB_OFFSET_MS = 7 * 3600_000; // WIB has no daylight saving time

export const OffDayKind = z.enum(['libur_nasional', 'cuti_bersama']);
export type OffDayKind = z.infer<typeof OffDayKind>;

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'no such date');

export const CalendarYear = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Where the dates come from (the decree, and where it was read). */
    source: z.string().min(1),
    /** False while the year's decree is not fully entered: deadlines may miss a day off. */
    complete: z.boolean().default(true),
    days: z.array(z.object({ date: IsoDate, kind: OffDayKind, name: z.string().min(1) })),
  })
  .refine((y) => y.days.every((d) => d.date.startsWith(`${y.year}-`)), {
    message: 'every day belongs to its year',
  });

/** resources/data/calendar.json, as shipped and as a city may extend it. */
export const CalendarFile = z
  .object({
    note: z.string().optional(),
    years: z.array(CalendarYear).min(1),
  })
  .refine((f) => new Set(f.years.map((y) => y.year)).size === f.years.length, {
    message: 'a year is listed once',
  });
export type CalendarFile = z.infer<typeof CalendarFile>;

/** A parsed calendar: the years it covers and its days off (by YYYY-MM-DD). */
export interface WorkingCalendar {
  readonly years: ReadonlySet<number>;
  /** Years listed without every day off (`complete: false`): worth a warning, not a stop. */
  readonly incompleteYears: ReadonlySet<number>;
  readonly offDays: ReadonlyMap<string, { kind: OffDayKind; name: string }>;
}

export function workingCalendar(file: CalendarFile): WorkingCalendar {
  const offDays = new Map<string, { kind: OffDayKind; name: string }>();
  for (const y of file.years) for (const d of y.days) offDays.set(d.date, d);
  return {
    years: new Set(file.years.map((y) => y.year)),
    incompleteYears: new Set(file.years.filter((y) => !y.complete).map((y) => y.year)),
    offDays,
  };
}

/** A year the calendar has no holidays for: callers raise it as an alarm. */
export interface CalendarMissing {
  code: 'calendar.year_missing';
  year: number;
  message: string;
}

export function calendarMissing(year: number): CalendarMissing {
  return {
    code: 'calendar.year_missing',
    year,
    message: `The holiday calendar has no year ${year}: add it to calendar.json.`,
  };
}

/** A year listed without every day off yet: deadlines in it may come a day or two early. */
export interface CalendarIncomplete {
  code: 'calendar.year_incomplete';
  year: number;
  message: string;
}

export function calendarIncomplete(year: number): CalendarIncomplete {
  return {
    code: 'calendar.year_incomplete',
    year,
    message: `The holiday calendar for ${year} is not complete yet: deadlines may come early.`,
  };
}

/** The first year from `from`'s WIB day to `to`'s that the calendar lists as incomplete. */
export function incompleteYearBetween(
  from: number,
  to: number,
  cal: WorkingCalendar,
): number | null {
  const first = new Date(wibDayNumber(from) * DAY_MS).getUTCFullYear();
  const last = new Date(wibDayNumber(to) * DAY_MS).getUTCFullYear();
  for (let y = first; y <= last; y++) if (cal.incompleteYears.has(y)) return y;
  return null;
}

export type CalendarResult<T> = { ok: true; value: T } | { ok: false; missing: CalendarMissing };

/** The WIB day an instant falls on, as a day number (0 = 1 Jan 1970 in WIB). */
export const wibDayNumber = (epochMs: number): number =>
  Math.floor((epochMs + WIB_OFFSET_MS) / DAY_MS);
/** The instant a WIB day number starts. */
export const wibDayStart = (day: number): number => day * DAY_MS - WIB_OFFSET_MS;
/** A WIB day number as "2026-12-31". */
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Whether a WIB day is a working day, or which year the calendar is missing. */
export function isWorkingDay(day: number, cal: WorkingCalendar): CalendarResult<boolean> {
  const date = new Date(day * DAY_MS);
  const weekday = date.getUTCDay();
  const year = date.getUTCFullYear();
  if (!cal.years.has(year)) return { ok: false, missing: calendarMissing(year) };
  return { ok: true, value: weekday !== 0 && weekday !== 6 && !cal.offDays.has(isoDate(day)) };
}

// A guard against a calendar that lists every day as off: no real target needs this many.
const MAX_SCAN_DAYS = 3660;

/**
 * The deadline `n` working days after `from`: the last millisecond (WIB) of the n-th working
 * day after the day `from` falls on. The starting day itself never counts, so a report on a
 * Friday evening and one on Friday morning have the same deadline.
 */
export function addWorkingDays(
  from: number,
  n: number,
  cal: WorkingCalendar,
): CalendarResult<number> {
  let day = wibDayNumber(from);
  let left = n;
  for (let i = 0; left > 0 && i < MAX_SCAN_DAYS; i++) {
    day += 1;
    const w = isWorkingDay(day, cal);
    if (!w.ok) return w;
    if (w.value) left -= 1;
  }
  return { ok: true, value: wibDayStart(day + 1) - 1 };
}

/**
 * Working days from `from` to `to`: the working days after `from`'s WIB day, up to and
 * including `to`'s (0 when `to` is on or before `from`'s day). The inverse of addWorkingDays:
 * workingDaysBetween(t, addWorkingDays(t, n)) is n.
 */
export function workingDaysBetween(
  from: number,
  to: number,
  cal: WorkingCalendar,
): CalendarResult<number> {
  const last = wibDayNumber(to);
  let count = 0;
  for (let day = wibDayNumber(from) + 1; day <= last; day++) {
    const w = isWorkingDay(day, cal);
    if (!w.ok) return w;
    if (w.value) count += 1;
  }
  return { ok: true, value: count };
}

/**
 * Working time elapsed between `from` and `to`, in working days with a fraction: the part of
 * each working day after `from`'s day that lies before `to`. It moves only on working days,
 * so a share of a working-day target does not creep up over a weekend.
 */
export function workingTimeBetween(
  from: number,
  to: number,
  cal: WorkingCalendar,
): CalendarResult<number> {
  const last = wibDayNumber(to);
  let elapsed = 0;
  for (let day = wibDayNumber(from) + 1; day <= last; day++) {
    const w = isWorkingDay(day, cal);
    if (!w.ok) return w;
    if (w.value) elapsed += Math.min(1, (to - wibDayStart(day)) / DAY_MS);
  }
  return { ok: true, value: elapsed };
}
