/**
 * The automatic soft-block rule, table by table: which calls count, the window's edges,
 * calls before a lift, and when a block stops being in force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoBlockKind, isActiveBlock, type BlockRules, type CountedCall } from './blocks';
import { readBlocksAndRetention } from './screening-file';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 28, 3, 0, 0);
const rules: BlockRules = {
  prank: { count: 3, windowMinutes: 60 },
  silent: { count: 3, windowMinutes: 10 },
  autoHours: 24,
};
const c = (minutesBefore: number, disposition: string): CountedCall => ({
  at: T - minutesBefore * MIN,
  disposition,
});

describe('autoBlockKind', () => {
  const trigger = (d: string) => c(0, d);
  it.each([
    ['three silent calls in 10 minutes', [c(9, 'silent'), c(5, 'silent')], 'silent', 'auto_silent'],
    ['two silent calls only', [c(5, 'silent')], 'silent', null],
    [
      'the first silent call exactly a window earlier is out',
      [c(10, 'silent'), c(5, 'silent')],
      'silent',
      null,
    ],
    [
      'a millisecond inside the window is in',
      [{ at: T - 10 * MIN + 1, disposition: 'silent' }, c(5, 'silent')],
      'silent',
      'auto_silent',
    ],
    ['prank and abusive count together', [c(50, 'prank'), c(20, 'abusive')], 'prank', 'auto_prank'],
    [
      'an abusive call can reach the count',
      [c(50, 'prank'), c(20, 'prank')],
      'abusive',
      'auto_prank',
    ],
    ['silent calls do not count for pranks', [c(50, 'silent'), c(20, 'prank')], 'prank', null],
    ['pranks do not count for silent calls', [c(5, 'prank'), c(3, 'silent')], 'silent', null],
    ['a misdial never triggers', [c(5, 'misdial'), c(3, 'misdial')], 'misdial', null],
    ['info and test calls never count', [c(5, 'info'), c(3, 'test')], 'prank', null],
    ['calls after the trigger are not counted', [c(-1, 'silent'), c(-2, 'silent')], 'silent', null],
  ] as const)('%s', (_, earlier, disposition, expected) => {
    const t = trigger(disposition);
    expect(autoBlockKind([...earlier, t], t, rules)).toBe(expected);
  });

  it('does not count calls at or before a supervisor lifted a block again', () => {
    const t = trigger('silent');
    const calls = [c(8, 'silent'), c(6, 'silent'), c(4, 'silent'), t];
    expect(autoBlockKind(calls, t, rules)).toBe('auto_silent');
    expect(autoBlockKind(calls, t, rules, T - 6 * MIN)).toBeNull();
    expect(autoBlockKind(calls, t, rules, T - 7 * MIN)).toBe('auto_silent');
  });
});

describe('isActiveBlock', () => {
  const until = T + 24 * 60 * MIN;
  it.each([
    ['in force before its expiry', { until, liftedAt: null }, until - 1, true],
    ['over at its expiry', { until, liftedAt: null }, until, false],
    ['over once lifted', { until, liftedAt: T }, T + 1, false],
  ] as const)('%s', (_, block, now, expected) => {
    expect(isActiveBlock(block, now)).toBe(expected);
  });
});

describe('resources/data/screening.json', () => {
  it('holds a valid rule and retention period (default 12 months)', () => {
    const file = path.resolve(__dirname, '../../resources/data/screening.json');
    const read = readBlocksAndRetention(fs.readFileSync(file, 'utf8'));
    expect(read).toMatchObject({
      ok: true,
      value: { blocks: { autoHours: 24 }, retention: { months: 12 } },
    });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    [
      'a count of one',
      JSON.stringify({
        blocks: { ...rules, silent: { count: 1, windowMinutes: 10 } },
        retention: { months: 12 },
      }),
      /blocks\.silent\.count/,
    ],
    ['no retention', JSON.stringify({ blocks: rules }), /retention/],
  ])('refuses a file with %s, saying where', (_, text, message) => {
    const read = readBlocksAndRetention(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
});
