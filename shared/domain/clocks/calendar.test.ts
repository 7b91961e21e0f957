/**
 * The SP4N-LAPOR! working-day calendar, on the shipped calendar.json. vitest.config.ts also
 * runs this file under TZ=UTC and TZ=America/Los_Angeles: a WIB day is never the machine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWib } from '../../time';
import {
  CalendarFile,
  addWorkingDays,
  autoCloseDue,
  isWorkingDay,
  wibDayNumber,
  workingCalendar,
  workingDaysBetween,
} from './index';

const file = CalendarFile.parse(
  JSON.parse(fs.readFileSync(path.join('resources', 'data', 'calendar.json'), 'utf8')),
);
const calendar = workingCalendar(file);

/** "2026-12-04 10:00" read as WIB. */
const wib = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+07:00`);
/** The deadline as an operator reads it. */
const due = (from: string, n: number): string => {
  const r = addWorkingDays(wib(from), n, calendar);
  if (!r.ok) throw new Error(r.missing.message);
  return formatWib(r.value);
};

const zone = process.env.SIGAP_TEST_TZ;
if (zone) {
  it(`runs under TZ=${zone}`, () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });
}

describe('working days', () => {
  it.each([
    // [why, from (WIB), working days, due (WIB)]
    ['a weekend is skipped', '2026-12-04 10:00', 3, '09/12/2026 23.59.59 WIB'],
    [
      'a national holiday is skipped (Maulid, Tue 25 Aug)',
      '2026-08-24 09:00',
      3,
      '28/08/2026 23.59.59 WIB',
    ],
    [
      'cuti bersama is skipped (Idul Adha, Thu 28 May)',
      '2026-05-27 10:00',
      1,
      '29/05/2026 23.59.59 WIB',
    ],
    [
      'Lebaran: Nyepi, Idul Fitri and its cuti bersama',
      '2026-03-17 08:00',
      3,
      '27/03/2026 23.59.59 WIB',
    ],
    ['year end: 31 Dec works, 1 Jan 2027 is off', '2026-12-30 10:00', 3, '05/01/2027 23.59.59 WIB'],
    [
      'Christmas cuti bersama and holiday, then year end',
      '2026-12-23 16:00',
      2,
      '29/12/2026 23.59.59 WIB',
    ],
  ])('%s', (_why, from, n, expected) => {
    expect(due(from, n)).toBe(expected);
  });

  it('counts from the WIB day: 23:59 WIB is still that day, 00:01 WIB is the next', () => {
    // Monday 7 December 2026: 23:59 WIB is 16:59 UTC Monday; 00:01 WIB is 17:01 UTC Sunday.
    expect(due('2026-12-07 23:59', 3)).toBe('10/12/2026 23.59.59 WIB');
    expect(due('2026-12-07 00:01', 3)).toBe('10/12/2026 23.59.59 WIB');
    expect(due('2026-12-06 23:59', 3)).toBe('09/12/2026 23.59.59 WIB');
    expect(wibDayNumber(wib('2026-12-07 00:01'))).toBe(wibDayNumber(wib('2026-12-07 23:59')));
  });

  it('a case created on a weekend starts counting on Monday', () => {
    expect(due('2026-12-05 11:00', 1)).toBe('07/12/2026 23.59.59 WIB');
  });

  it('counts the working days between two moments', () => {
    const between = (a: string, b: string) => workingDaysBetween(wib(a), wib(b), calendar);
    expect(between('2026-12-04 10:00', '2026-12-09 08:00')).toEqual({ ok: true, value: 3 });
    expect(between('2026-12-23 10:00', '2027-01-04 08:00')).toEqual({ ok: true, value: 5 });
    expect(between('2026-12-09 10:00', '2026-12-04 08:00')).toEqual({ ok: true, value: 0 });
  });

  it('a resolved case closes after 10 working days, across the year end', () => {
    const r = autoCloseDue(wib('2026-12-18 15:00'), calendar);
    expect(r.ok && formatWib(r.value)).toBe('06/01/2027 23.59.59 WIB');
  });

  it('a year the calendar does not cover says so, with the year', () => {
    const r = addWorkingDays(wib('2027-12-29 10:00'), 5, calendar);
    expect(r).toEqual({
      ok: false,
      missing: expect.objectContaining({ code: 'calendar.year_missing', year: 2028 }),
    });
    expect(isWorkingDay(wibDayNumber(wib('2025-06-02 10:00')), calendar).ok).toBe(false);
    expect(workingDaysBetween(wib('2027-12-30 10:00'), wib('2028-01-04 10:00'), calendar)).toEqual({
      ok: false,
      missing: expect.objectContaining({ year: 2028 }),
    });
  });
});

describe('the calendar file', () => {
  it('lists the 2026 decree: 17 national holidays and 8 cuti bersama', () => {
    const y2026 = file.years.find((y) => y.year === 2026)!;
    expect(y2026.complete).toBe(true);
    expect(y2026.days.filter((d) => d.kind === 'libur_nasional')).toHaveLength(17);
    expect(y2026.days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8);
    expect(y2026.source).toMatch(/SKB/);
  });

  it('marks a year whose decree is not fully entered', () => {
    expect([...calendar.incompleteYears]).toEqual([2027]);
  });

  it.each([
    [
      'a date that does not exist',
      { year: 2026, source: 's', days: [{ date: '2026-02-30', kind: 'cuti_bersama', name: 'x' }] },
    ],
    [
      'a date of another year',
      {
        year: 2026,
        source: 's',
        days: [{ date: '2027-01-01', kind: 'libur_nasional', name: 'x' }],
      },
    ],
    [
      'an unknown kind',
      { year: 2026, source: 's', days: [{ date: '2026-01-01', kind: 'libur', name: 'x' }] },
    ],
  ])('refuses %s', (_why, year) => {
    expect(CalendarFile.safeParse({ years: [year] }).success).toBe(false);
  });
});

describe('working-day properties', () => {
  // Any moment of 2026 up to mid-November: 10 working days later is still inside 2026–2027.
  const moment = fc.integer({ min: wib('2026-01-01 00:00'), max: wib('2026-11-15 00:00') });
  const days = fc.integer({ min: 1, max: 15 });

  it('adding n working days and counting them back gives n', () => {
    fc.assert(
      fc.property(moment, days, (t, n) => {
        const d = addWorkingDays(t, n, calendar);
        expect(d.ok && workingDaysBetween(t, d.value, calendar)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('a deadline never falls on a weekend, a holiday or cuti bersama, and is after the start', () => {
    fc.assert(
      fc.property(moment, days, (t, n) => {
        const d = addWorkingDays(t, n, calendar);
        if (!d.ok) throw new Error(d.missing.message);
        expect(d.value).toBeGreaterThan(t);
        expect(isWorkingDay(wibDayNumber(d.value), calendar)).toEqual({ ok: true, value: true });
      }),
    );
  });
});
