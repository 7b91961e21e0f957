import { describe, expect, it } from 'vitest';
import { formatWib, formatWibTime } from './time';

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

  it('shows clock time in the UI language', () => {
    expect(formatWibTime(instant, 'id')).toBe('06.30');
    expect(formatWibTime(instant, 'en')).toBe('06:30');
  });
});
