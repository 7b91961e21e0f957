/** Export times read as every other screen and print shows them (shared/time.ts), in WIB. */
import { describe, expect, it } from 'vitest';
import { formatWib } from '../../../shared/time';
import { exportTime } from './export-cells';

describe('export times', () => {
  const instants = [
    Date.UTC(2026, 10, 28, 3, 5, 9), // 10.05.09 WIB
    Date.UTC(2026, 10, 28, 16, 59, 59), // 23.59.59 WIB
    Date.UTC(2026, 10, 28, 17, 0, 0), // 00.00.00 WIB, the next day
    Date.UTC(2026, 11, 31, 17, 30, 0), // New Year in WIB, still 31/12 in UTC
    Date.UTC(2028, 1, 28, 18, 0, 0), // 29/02 in a leap year
  ];
  it.each(instants)('formats %i as formatWib does, without the zone', (ms) => {
    expect(exportTime(ms, 'id')).toBe(formatWib(ms, 'id').replace(/ WIB$/, ''));
    expect(exportTime(ms, 'en')).toBe(formatWib(ms, 'en').replace(/ WIB$/, ''));
  });

  it('leaves a missing time empty', () => {
    expect(exportTime(null, 'id')).toBe('');
  });
});
