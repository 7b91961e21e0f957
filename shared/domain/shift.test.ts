/** Shifts in WIB, at their edges (the night shift crosses midnight). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../tests/support/processes';
import {
  DEFAULT_SCHEDULE,
  ShiftsFile,
  datedShiftAt,
  dayOfDate,
  scheduleFrom,
  shiftAt,
  shiftsOfDate,
  wibMidnight,
} from './shift';

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

describe('the schedule as data', () => {
  it('the default file gives 07–15, 15–23 and 23–07', () => {
    const file = ShiftsFile.parse(
      JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources/data/shifts.json'), 'utf8')),
    );
    expect(scheduleFrom(file)).toEqual(DEFAULT_SCHEDULE);
  });

  it('a night shift crossing midnight belongs to the date it began', () => {
    expect(datedShiftAt(wib(29, 2))).toEqual({
      date: '2026-11-28',
      shiftId: 'malam',
      start: wib(28, 23),
      end: wib(29, 7),
    });
    expect(shiftsOfDate('2026-11-28').map((s) => [s.shiftId, s.start, s.end])).toEqual([
      ['pagi', wib(28, 7), wib(28, 15)],
      ['siang', wib(28, 15), wib(28, 23)],
      ['malam', wib(28, 23), wib(29, 7)],
    ]);
    expect(dayOfDate('2026-11-28')).toEqual({ start: wib(28, 7), end: wib(29, 7) });
  });

  it('a city with two 12-hour shifts gets them', () => {
    const two = scheduleFrom(
      ShiftsFile.parse({
        shifts: [
          { id: 'siang', startsWib: '08:00' },
          { id: 'malam', startsWib: '20:00' },
        ],
      }),
    );
    expect(shiftAt(wib(29, 3), 0, two)).toEqual({ start: wib(28, 20), end: wib(29, 8) });
    expect(datedShiftAt(wib(29, 9), 1, two).date).toBe('2026-11-28');
  });

  it('refuses a file with a bad time or a repeated shift', () => {
    expect(ShiftsFile.safeParse({ shifts: [{ id: 'pagi', startsWib: '25:00' }] }).success).toBe(
      false,
    );
    expect(
      ShiftsFile.safeParse({
        shifts: [
          { id: 'pagi', startsWib: '07:00' },
          { id: 'pagi', startsWib: '15:00' },
        ],
      }).success,
    ).toBe(false);
    expect(wibMidnight('2026-02-31')).toBeUndefined();
  });
});
