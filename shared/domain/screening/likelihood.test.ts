/**
 * Signals combined into a likelihood, table-driven: the level an operator sees for the
 * situations a 112 line meets, and the promises that hold whatever the weights (silent
 * calls never raise the score; a burst alone never flags a number with its own open case).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { history, NOW, RULES } from '../../../tests/support/screening';
import type { Disposition } from '../case';
import type { Tick } from '../screening';
import { likelihood } from './likelihood';
import { ScreeningFile } from './rules';

const MIN = 60_000;
const recent = (...calls: Array<[number, Disposition]>) =>
  calls.map(([m, disposition]) => ({ at: NOW - m * MIN, disposition }));

describe('likelihood', () => {
  it.each<[string, Parameters<typeof history>[0], Tick[], 'none' | 'watch' | 'flag', string[]]>([
    ['a first call from a valid number', {}, [], 'none', []],
    [
      'a repeat prankster whose one "case" came before its last pranks',
      {
        counts: { prank: 4, case: 1 },
        lastPrankAt: NOW - 2 * 60 * MIN,
        lastCaseAt: NOW - 48 * 60 * MIN,
        openCases: 1,
      },
      [],
      'flag',
      ['history_pranks', 'last_prank'],
    ],
    [
      'a household whose real report came after its children’s pranks',
      {
        counts: { prank: 2, case: 1 },
        lastPrankAt: NOW - 48 * 60 * MIN,
        lastCaseAt: NOW - 2 * 60 * MIN,
        openCases: 1,
      },
      [],
      'none',
      ['history_pranks', 'genuine_calls', 'open_case'],
    ],
    ['one earlier prank, nothing else', { counts: { prank: 1 } }, [], 'flag', ['history_pranks']],
    [
      'a household with pranks and two real reports',
      { counts: { prank: 2, case: 2 } },
      [],
      'none',
      ['genuine_calls', 'history_pranks'],
    ],
    ['a withheld number', { withheld: true, number: null }, [], 'none', ['withheld']],
    [
      'a withheld number with laughter and children',
      { withheld: true, number: null },
      ['laughter', 'children'],
      'flag',
      ['tick_laughter', 'withheld', 'tick_children'],
    ],
    ['a malformed number', { malformed: true, number: null }, [], 'none', ['malformed']],
    [
      'a burst of spoken calls',
      { recent: recent([2, 'misdial'], [6, 'info']), counts: { misdial: 1, info: 1 } },
      [],
      'watch',
      ['burst'],
    ],
    [
      'a burst plus laughter',
      { recent: recent([2, 'misdial'], [6, 'info']), counts: { misdial: 1, info: 1 } },
      ['laughter'],
      'flag',
      ['burst', 'tick_laughter'],
    ],
    [
      'a burst from a number with its own open case',
      { recent: recent([2, 'case'], [6, 'case']), counts: { case: 2 }, openCases: 1 },
      ['children'],
      'none',
      ['genuine_calls', 'tick_children', 'open_case', 'burst_own_case'],
    ],
    [
      "a supervisor's block",
      { block: { kind: 'manual', until: NOW + 60 * MIN } },
      [],
      'flag',
      ['block_manual'],
    ],
    ['a lapsed block', { block: { kind: 'manual', until: NOW - 1 } }, [], 'none', []],
    [
      'repeated silent calls and no voice',
      { counts: { silent: 3 }, recent: recent([5, 'silent'], [15, 'silent'], [50, 'silent']) },
      ['no_voice'],
      'none',
      [],
    ],
  ])('%s → %s', (_name, over, ticks, level, codes) => {
    const l = likelihood(history(over), ticks, NOW, RULES);
    expect(l.level).toBe(level);
    expect(l.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('puts the strongest reason first and sums the weights into the score', () => {
    const l = likelihood(history({ counts: { prank: 4, case: 1 } }), ['abuse'], NOW, RULES);
    expect(l.reasons.map((r) => r.code)).toEqual(['history_pranks', 'tick_abuse', 'genuine_calls']);
    expect(l.score).toBeCloseTo(0.64 + 0.75 + 0.6 - 0.5);
  });

  it('shows repeated silent calls beside the score, not in it', () => {
    const silent = history({
      counts: { silent: 3 },
      recent: recent([5, 'silent'], [15, 'silent']),
    });
    const l = likelihood(silent, ['no_voice'], NOW, RULES);
    expect(l.score).toBe(0);
    expect(l.silent.map((r) => r.code)).toEqual(['silent_repeat', 'tick_no_voice']);
    const blocked = likelihood(
      history({ block: { kind: 'auto_silent', until: NOW + 1 } }),
      [],
      NOW,
      RULES,
    );
    expect(blocked).toMatchObject({ score: 0, level: 'none', silent: [{ code: 'block_silent' }] });
  });

  it('never lets a burst alone flag a number with its own open case, whatever the burst weight', () => {
    const heavy = { ...RULES, burst: { ...RULES.burst, weight: 5 }, openCase: { weight: 0 } };
    const own = history({
      recent: recent([1, 'case'], [2, 'info'], [3, 'info']),
      openCases: 1,
      counts: { info: 2 },
    });
    expect(likelihood(own, [], NOW, heavy).level).toBe('none');
    expect(likelihood({ ...own, openCases: 0 }, [], NOW, heavy).level).toBe('flag');
  });
});

describe('the shipped rules (resources/data/screening.json)', () => {
  const file = path.resolve(__dirname, '..', '..', '..', 'resources', 'data', 'screening.json');
  const rules = ScreeningFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).likelihood;

  it('flag a repeat prankster and leave a first-time or withheld caller unflagged', () => {
    expect(likelihood(history({ counts: { prank: 2 } }), [], NOW, rules).level).toBe('flag');
    expect(likelihood(history(), [], NOW, rules).level).toBe('none');
    expect(likelihood(history({ withheld: true, number: null }), [], NOW, rules).level).not.toBe(
      'flag',
    );
  });

  it('refuse a file whose levels are upside down or whose weights are missing', () => {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      likelihood: Record<string, unknown>;
    };
    const upside = { likelihood: { ...raw.likelihood, levels: { watch: 2, flag: 1 } } };
    expect(ScreeningFile.safeParse(upside).success).toBe(false);
    const noBurst = { ...raw.likelihood };
    delete noBurst.burst;
    expect(ScreeningFile.safeParse({ likelihood: noBurst }).success).toBe(false);
    // Keys other slices own (blocks, retention) sit beside `likelihood` and are not read here.
    expect(ScreeningFile.safeParse({ ...raw, blocks: {} }).success).toBe(true);
  });
});
