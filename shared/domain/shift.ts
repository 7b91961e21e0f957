/**
 * The center's shifts, in WIB, as data (resources/data/shifts.json; by default 07.00–15.00,
 * 15.00–23.00 and 23.00–07.00). Each shift runs until the next one starts; a shift that
 * crosses midnight belongs to the WIB date it began. Pure: no clock, no I/O.
 */
import { z } from 'zod';

const MIN_MS = 60_000;
const HOUR_MS = 60 * MIN_MS;
const DAY_MS = 24 * HOUR_MS;
const WIB_OFFSET_MS = 7 * HOUR_MS; // WIB has no daylight saving time

export interface Shift {
  start: number;
  end: number;
}

const ShiftEntry = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, 'shift.bad_id'),
    startsWib: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'shift.bad_time'),
  })
  .strict();

/** resources/data/shifts.json: shifts in the order they follow each other in a day. */
export const ShiftsFile = z
  .object({ note: z.string().optional(), shifts: z.array(ShiftEntry).min(1).max(6) })
  .strict()
  .refine((f) => new Set(f.shifts.map((s) => s.id)).size === f.shifts.length, 'shift.duplicate_id')
  .refine(
    (f) => new Set(f.shifts.map((s) => s.startsWib)).size === f.shifts.length,
    'shift.duplicate_time',
  );
export type ShiftsFile = z.infer<typeof ShiftsFile>;

/** A schedule: shift ids and their start, minutes after WIB midnight, first shift of the day first. */
export interface ShiftSchedule {
  shifts: ReadonlyArray<{ id: string; startMin: number }>;
}

export function scheduleFrom(file: ShiftsFile): ShiftSchedule {
  const shifts = file.shifts.map((s) => {
    const [h, m] = s.startsWib.split(':').map(Number);
    return { id: s.id, startMin: h! * 60 + m! };
  });
  // The day's first shift is the one listed first; the others follow it round the clock.
  const first = shifts[0]!.startMin;
  const after = (x: number) => (x - first + 24 * 60) % (24 * 60);
  return { shifts: [...shifts].sort((a, b) => after(a.startMin) - after(b.startMin)) };
}

export const DEFAULT_SCHEDULE: ShiftSchedule = scheduleFrom({
  shifts: [
    { id: 'pagi', startsWib: '07:00' },
    { id: 'siang', startsWib: '15:00' },
    { id: 'malam', startsWib: '23:00' },
  ],
});

/** A shift of a WIB date, "2026-11-28". */
export interface DatedShift extends Shift {
  date: string;
  shiftId: string;
}

/** "2026-11-28" → the UTC instant that WIB day's midnight falls on, or undefined. */
export function wibMidnight(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== date) return undefined;
  return utc - WIB_OFFSET_MS;
}

const dateOf = (wibMidnightMs: number): string =>
  new Date(wibMidnightMs + WIB_OFFSET_MS).toISOString().slice(0, 10);

/** Every shift of the schedule that begins on `date` (WIB), in order. */
export function shiftsOfDate(
  date: string,
  schedule: ShiftSchedule = DEFAULT_SCHEDULE,
): DatedShift[] {
  const midnight = wibMidnight(date);
  if (midnight === undefined) return [];
  const first = schedule.shifts[0]!.startMin;
  return schedule.shifts.map((s, i) => {
    // A shift starting before the first one's clock time starts after midnight: next day.
    const start = midnight + (s.startMin < first ? s.startMin + 24 * 60 : s.startMin) * MIN_MS;
    const next = schedule.shifts[i + 1];
    const end =
      next === undefined
        ? midnight + DAY_MS + first * MIN_MS
        : midnight + (next.startMin < first ? next.startMin + 24 * 60 : next.startMin) * MIN_MS;
    return { date, shiftId: s.id, start, end };
  });
}

/** The report day of `date`: from its first shift's start to the next day's. */
export function dayOfDate(
  date: string,
  schedule: ShiftSchedule = DEFAULT_SCHEDULE,
): Shift | undefined {
  const shifts = shiftsOfDate(date, schedule);
  if (shifts.length === 0) return undefined;
  return { start: shifts[0]!.start, end: shifts[shifts.length - 1]!.end };
}

/** The shift `now` falls in, with the date it began; `back` shifts earlier with `back` > 0. */
export function datedShiftAt(
  now: number,
  back = 0,
  schedule: ShiftSchedule = DEFAULT_SCHEDULE,
): DatedShift {
  const firstMs = schedule.shifts[0]!.startMin * MIN_MS;
  // The report date: the WIB date on which the day's first shift began at or before `now`.
  let midnight = Math.floor((now + WIB_OFFSET_MS - firstMs) / DAY_MS) * DAY_MS - WIB_OFFSET_MS;
  let list = shiftsOfDate(dateOf(midnight), schedule);
  let index = list.findIndex((s) => s.start <= now && now < s.end);
  for (let i = 0; i < back; i++) {
    index -= 1;
    if (index < 0) {
      midnight -= DAY_MS;
      list = shiftsOfDate(dateOf(midnight), schedule);
      index = list.length - 1;
    }
  }
  return list[index]!;
}

/** The shift `now` falls in; `back` shifts earlier with `back` > 0. */
export function shiftAt(now: number, back = 0, schedule: ShiftSchedule = DEFAULT_SCHEDULE): Shift {
  const { start, end } = datedShiftAt(now, back, schedule);
  return { start, end };
}
