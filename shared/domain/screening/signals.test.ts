/** Each screening signal on its own, table-driven, with the clock at its window edges. */
import { describe, expect, it } from 'vitest';
import type { Disposition } from '../case';
import { history, NOW, RULES } from '../../../tests/support/screening';
import {
  burst,
  genuineHistory,
  lastPrank,
  numberShape,
  openCase,
  prankBlock,
  prankHistory,
  prankTicks,
  silentCalls,
} from './signals';

const MIN = 60_000;
const HOUR = 60 * MIN;

const recent = (...calls: Array<[minutesAgo: number, d: Disposition]>) =>
  calls.map(([m, disposition]) => ({ at: NOW - m * MIN, disposition }));

describe('prank history', () => {
  it.each([
    ['no earlier calls', {}, null],
    ['only genuine and silent calls', { case: 3, silent: 2 }, null],
    ['one prank, nothing else', { prank: 1 }, { pranks: 1, calls: 1, weight: 0.8 + 0.25 }],
    ['4 of 5 iseng', { prank: 4, case: 1 }, { pranks: 4, calls: 5, weight: 0.64 + 0.75 }],
    [
      'abusive counts as prank',
      { abusive: 1, misdial: 1 },
      { pranks: 1, calls: 2, weight: 0.4 + 0.25 },
    ],
    [
      'one prank among many silent calls',
      { prank: 1, silent: 7 },
      { pranks: 1, calls: 8, weight: 0.1 + 0.25 },
    ],
  ])('%s', (_name, counts, expected) => {
    const found = prankHistory(history({ counts }), RULES);
    if (expected === null) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]!.code).toBe('history_pranks');
    expect(found[0]!.params).toMatchObject({ pranks: expected.pranks, calls: expected.calls });
    expect(found[0]!.weight).toBeCloseTo(expected.weight);
  });
});

describe('genuine history weighs against', () => {
  it.each([
    [0, null],
    [1, -0.5],
    [2, -1],
    [9, -1], // capped
  ])('%i earlier cases', (cases, weight) => {
    const found = genuineHistory(history({ counts: { case: cases } }), RULES);
    if (weight === null) return expect(found).toEqual([]);
    expect(found).toEqual([{ code: 'genuine_calls', params: { cases }, weight }]);
  });
});

describe('last prank recency (edge: exactly 24 h ago counts, a millisecond more does not)', () => {
  it.each([
    ['never', null, false],
    ['40 minutes ago', NOW - 40 * MIN, true],
    ['exactly 24 h ago', NOW - 24 * HOUR, true],
    ['24 h and 1 ms ago', NOW - 24 * HOUR - 1, false],
    ['in the future (clock skew)', NOW + MIN, false],
  ])('%s', (_n, at, fires) => {
    const found = lastPrank(history({ lastPrankAt: at }), NOW, RULES);
    expect(found.length).toBe(fires ? 1 : 0);
    if (fires) expect(found[0]).toMatchObject({ code: 'last_prank', weight: 0.2 });
  });
  it('says how long ago, in whole minutes', () => {
    expect(
      lastPrank(history({ lastPrankAt: NOW - 40 * MIN - 59_000 }), NOW, RULES)[0]!.params,
    ).toMatchObject({ minutesAgo: 40 });
  });
});

describe('burst: 3 calls in 10 minutes, this one included', () => {
  it.each([
    ['no earlier calls', recent(), 0, null],
    ['one earlier call', recent([2, 'misdial']), 0, null],
    ['two earlier calls', recent([2, 'misdial'], [9, 'prank']), 0, 'burst'],
    ['the oldest exactly 10 min ago (inside)', recent([2, 'info'], [10, 'prank']), 0, 'burst'],
    [
      'the oldest 10 min + 1 ms ago (outside)',
      [
        { at: NOW - 2 * MIN, disposition: 'info' as const },
        { at: NOW - 10 * MIN - 1, disposition: 'prank' as const },
      ],
      0,
      null,
    ],
    ['silent calls do not count', recent([1, 'silent'], [3, 'silent'], [5, 'silent']), 0, null],
    ['with an open case: shown, not scored', recent([2, 'case'], [5, 'case']), 1, 'burst_own_case'],
  ])('%s', (_n, calls, openCases, code) => {
    const found = burst(history({ recent: calls, openCases }), NOW, RULES);
    if (code === null) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, params: { calls: 3, minutes: 10 } });
    expect(found[0]!.weight).toBe(code === 'burst' ? 0.6 : 0);
  });
});

describe('number shape, open case', () => {
  it.each([
    [{}, []],
    [{ withheld: true, number: null }, [{ code: 'withheld', params: {}, weight: 0.3 }]],
    [{ malformed: true, number: null }, [{ code: 'malformed', params: {}, weight: 0.4 }]],
  ])('%j', (over, expected) => {
    expect(numberShape(history(over), RULES)).toEqual(expected);
  });
  it('an open case from this number weighs against', () => {
    expect(openCase(history({ openCases: 2 }), RULES)).toEqual([
      { code: 'open_case', params: { cases: 2 }, weight: -0.3 },
    ]);
    expect(openCase(history(), RULES)).toEqual([]);
  });
});

describe('soft block (edge: a block lapses at its `until`)', () => {
  it.each([
    ['none', null, null],
    ['manual, in force', { kind: 'manual' as const, until: NOW + 1 }, 'block_manual'],
    ['manual, lapsing now', { kind: 'manual' as const, until: NOW }, null],
    ['automatic after pranks', { kind: 'auto_prank' as const, until: NOW + HOUR }, 'block_prank'],
    [
      'automatic after silent calls: not a prank reason',
      { kind: 'auto_silent' as const, until: NOW + HOUR },
      null,
    ],
  ])('%s', (_n, block, code) => {
    const found = prankBlock(block, NOW, RULES);
    if (code === null) return expect(found).toEqual([]);
    expect(found).toEqual([
      { code, params: { until: block!.until }, weight: code === 'block_manual' ? 1 : 0.6 },
    ]);
  });
});

describe('ticks', () => {
  it.each([
    [[], []],
    [['laughter'], ['tick_laughter']],
    [
      ['children', 'abuse'],
      ['tick_children', 'tick_abuse'],
    ],
    [['no_voice'], []],
    [['laughter', 'laughter'], ['tick_laughter']],
  ] as const)('%j', (ticks, codes) => {
    expect(prankTicks(ticks, RULES).map((r) => r.code)).toEqual(codes);
  });
});

describe('silent calls: "panggilan kosong berulang", never a prank reason', () => {
  it.each([
    ['one earlier silent call', recent([30, 'silent']), [], null, []],
    ['two within 24 h', recent([30, 'silent'], [23 * 60, 'silent']), [], null, ['silent_repeat']],
    [
      'the second just outside 24 h',
      [
        { at: NOW - 30 * MIN, disposition: 'silent' as const },
        { at: NOW - 24 * HOUR - 1, disposition: 'silent' as const },
      ],
      [],
      null,
      [],
    ],
    [
      'an automatic block after silent calls',
      recent(),
      [],
      { kind: 'auto_silent' as const, until: NOW + HOUR },
      ['block_silent'],
    ],
    ['that block once lapsed', recent(), [], { kind: 'auto_silent' as const, until: NOW }, []],
    ['no voice ticked', recent(), ['no_voice' as const], null, ['tick_no_voice']],
  ])('%s', (_n, calls, ticks, block, codes) => {
    expect(
      silentCalls(history({ recent: calls, block }), ticks, NOW, RULES).map((r) => r.code),
    ).toEqual(codes);
  });
});
