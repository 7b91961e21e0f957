import { describe, expect, it } from 'vitest';
import { formatAge, type AgeWords } from './age';

const id: AgeWords = (key, { count }) =>
  ({ 'age.minutes': `${count} mnt`, 'age.hours': `${count} jam`, 'age.days': `${count} hari` })[
    key
  ];
const MIN = 60_000;

describe('formatAge', () => {
  it('counts whole minutes under an hour', () => {
    expect(formatAge(0, id)).toBe('0 mnt');
    expect(formatAge(59_999, id)).toBe('0 mnt');
    expect(formatAge(MIN, id)).toBe('1 mnt');
    expect(formatAge(59 * MIN + 59_999, id)).toBe('59 mnt');
  });

  it('counts whole hours from one hour to under two days', () => {
    expect(formatAge(60 * MIN, id)).toBe('1 jam');
    expect(formatAge(47 * 60 * MIN + 59 * MIN, id)).toBe('47 jam');
  });

  it('counts days from two days on', () => {
    expect(formatAge(48 * 60 * MIN, id)).toBe('2 hari');
    expect(formatAge(10 * 24 * 60 * MIN + 5 * MIN, id)).toBe('10 hari');
  });

  it('reads a time a little in the future (a clock behind) as 0 minutes', () => {
    expect(formatAge(-5 * MIN, id)).toBe('0 mnt');
  });
});
