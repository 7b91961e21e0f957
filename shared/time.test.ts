/**
 * WIB display. vitest.config.ts also runs this file under TZ=UTC and
 * TZ=America/Los_Angeles, where the machine's date differs from Jakarta's.
 */
import { describe, expect, it } from 'vitest';
import { formatWib, formatWibDay, formatWibTime, nextWibDay, parseWibDay } from './time';

// Only the zone projects set SIGAP_TEST_TZ: they first prove the zone really is in effect.
const zone = process.env.SIGAP_TEST_TZ;
if (zone) {
  describe(`under TZ=${zone}`, () => {
    it('the machine zone is that zone', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      // On 28 November Los Angeles is on standard time, eight hours behind UTC.
      const offset = { UTC: 0, 'America/Los_Angeles': 8 * 60 }[zone];
      expect(new Date(Date.UTC(2026, 10, 28)).getTimezoneOffset()).toBe(offset);
    });
  });
}

describe('WIB display', () => {
  // 2026-11-27T23:30:00Z is 06:30 on 28 November in Jakarta (UTC+7).
  const instant = Date.UTC(2026, 10, 27, 23, 30, 0);

  it('shows the Jakarta date and time whatever the machine zone', () => {
    expect(formatWib(instant, 'id')).toBe('28/11/2026 06.30.00 WIB');
    expect(formatWib(instant, 'en')).toBe('28/11/2026 06:30:00 WIB');
  });

  it('rolls the date over at midnight WIB, not midnight UTC', () => {
    expect(formatWib(Date.UTC(2026, 10, 27, 16, 59, 59), 'id')).toBe('27/11/2026 23.59.59 WIB');
    expect(formatWib(Date.UTC(2026, 10, 27, 17, 0, 0), 'id')).toBe('28/11/2026 00.00.00 WIB');
  });

  it('keeps WIB while the machine zone changes to or from daylight saving time', () => {
    // 8 March 2026, 10:00 UTC: Los Angeles has just moved its clocks forward; WIB never does.
    expect(formatWib(Date.UTC(2026, 2, 8, 9, 59, 59), 'id')).toBe('08/03/2026 16.59.59 WIB');
    expect(formatWib(Date.UTC(2026, 2, 8, 10, 0, 0), 'id')).toBe('08/03/2026 17.00.00 WIB');
    expect(formatWibTime(Date.UTC(2026, 10, 1, 9, 30), 'en')).toBe('16:30');
  });

  it('shows clock time in the UI language', () => {
    expect(formatWibTime(instant, 'id')).toBe('06.30');
    expect(formatWibTime(instant, 'en')).toBe('06:30');
  });
});

describe('WIB days typed day first', () => {
  // 28 November 2026 starts in Jakarta at 17:00 UTC the day before.
  const start = Date.UTC(2026, 10, 27, 17, 0, 0);

  it('reads dd/mm/yyyy as the WIB day, with or without leading zeros', () => {
    expect(parseWibDay('28/11/2026')).toBe(start);
    expect(parseWibDay(' 28.11.2026 ')).toBe(start);
    expect(parseWibDay('1/2/2026')).toBe(Date.UTC(2026, 1, 1) - 7 * 3600_000);
    expect(formatWibDay(start)).toBe('28/11/2026');
    expect(formatWibDay(nextWibDay(start) - 1)).toBe('28/11/2026');
    expect(formatWibDay(nextWibDay(start))).toBe('29/11/2026');
  });

  it('never reads month first, and refuses days that do not exist', () => {
    for (const text of [
      '11/28/2026',
      '31/02/2026',
      '29/02/2027',
      '0/1/2026',
      '2026-11-28',
      '28/11/26',
      '',
    ])
      expect(parseWibDay(text)).toBeUndefined();
    expect(parseWibDay('29/02/2028')).toBe(Date.UTC(2028, 1, 29) - 7 * 3600_000);
  });
});
