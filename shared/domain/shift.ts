/**
 * The center's shifts, in WIB: 07.00–15.00, 15.00–23.00 and 23.00–07.00 (the night shift
 * crosses midnight). A supervisor reviews the screened calls of a shift.
 */
const HOUR_MS = 3_600_000;
const WIB_OFFSET_MS = 7 * HOUR_MS; // WIB has no daylight saving time
const SHIFT_STARTS_WIB = [7, 15, 23] as const;
const SHIFT_MS = 8 * HOUR_MS;

export interface Shift {
  start: number;
  end: number;
}

/** The shift `now` falls in; `back` shifts earlier with `back` > 0. */
export function shiftAt(now: number, back = 0): Shift {
  const wib = now + WIB_OFFSET_MS;
  const hour = Math.floor(wib / HOUR_MS);
  // Hours since the 23.00 start, so the night shift is one piece across midnight.
  const sinceFirst = (((hour - SHIFT_STARTS_WIB[2]) % 24) + 24) % 24;
  const start = (hour - (sinceFirst % 8)) * HOUR_MS - WIB_OFFSET_MS - back * SHIFT_MS;
  return { start, end: start + SHIFT_MS };
}
