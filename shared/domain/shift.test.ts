/** Shifts in WIB, at their edges (the night shift crosses midnight). */
import { describe, expect, it } from 'vitest';
import { shiftAt } from './shift';

/** A WIB wall time on 28 November 2026 (WIB is UTC+7). */
const wib = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 7, minute);

describe('shiftAt', () => {
  it.each([
    ['07.00 starts the morning shift', wib(28, 7), wib(28, 7), wib(28, 15)],
    ['14.59 is still morning', wib(28, 14, 59), wib(28, 7), wib(28, 15)],
    ['15.00 starts the afternoon', wib(28, 15), wib(28, 15), wib(28, 23)],
    ['23.00 starts the night', wib(28, 23), wib(28, 23), wib(29, 7)],
    ['02.00 is the night that began the day before', wib(29, 2), wib(28, 23), wib(29, 7)],
    ['06.59 is still that night', wib(29, 6, 59), wib(28, 23), wib(29, 7)],
  ])('%s', (_, now, start, end) => {
    expect(shiftAt(now)).toEqual({ start, end });
  });

  it('steps back one shift at a time', () => {
    expect(shiftAt(wib(29, 8), 1)).toEqual({ start: wib(28, 23), end: wib(29, 7) });
    expect(shiftAt(wib(29, 8), 3)).toEqual({ start: wib(28, 7), end: wib(28, 15) });
  });
});
