/** The evaluation's input (a labeled log, line by line) and its figures, table-driven. */
import { describe, expect, it } from 'vitest';
import { scoreEval, type EvalOutcome } from './eval-figures';
import { parseEvalLog } from './eval-log';

const line = (over: object = {}) =>
  JSON.stringify({
    id: 'a1',
    number: '+6281234567890',
    start: '2026-11-01T13:05:00+07:00',
    end: '2026-11-01T13:06:00+07:00',
    desk: 'desk-3',
    ticks: ['laughter'],
    label: 'prank',
    ...over,
  });

describe('parseEvalLog', () => {
  it('reads calls, ignores other fields and blank lines, and orders them by start', () => {
    const text = [
      line({
        id: 'late',
        start: '2026-11-01T14:00:00+07:00',
        end: '2026-11-01T14:01:00+07:00',
        extra: 1,
      }),
      '',
      line({
        id: 'early',
        start: '2026-11-01T06:00:00Z',
        end: '2026-11-01T06:00:30Z',
        number: null,
        disposition: 'misdial',
      }),
    ].join('\n');
    const log = parseEvalLog(text);
    expect(log).toMatchObject({
      ok: true,
      calls: [
        { id: 'early', number: null, start: Date.UTC(2026, 10, 1, 6), disposition: 'misdial' },
        { id: 'late', start: Date.UTC(2026, 10, 1, 7), label: 'prank', ticks: ['laughter'] },
      ],
    });
  });

  it.each([
    ['not JSON', '{"id":', 'line 1: not JSON'],
    ['an unknown label', line({ label: 'joke' }), 'line 1: label:'],
    ['an unknown tick', line({ ticks: ['giggle'] }), 'line 1: ticks.0:'],
    ['a time without its zone', line({ start: '2026-11-01T13:05:00' }), 'line 1: start:'],
    [
      'an end before its start',
      line({ end: '2026-11-01T13:00:00+07:00' }),
      'line 1: end: end is before start',
    ],
    [
      'a missing number field',
      JSON.stringify({
        id: 'x',
        start: '2026-11-01T13:05:00+07:00',
        end: '2026-11-01T13:05:00+07:00',
        label: 'prank',
      }),
      'line 1: number:',
    ],
    ['a repeated id', `${line()}\n${line()}`, 'line 2: id "a1" already used on line 1'],
    ['nothing', '\n\n', 'the log has no calls'],
  ])('refuses %s, naming the line', (_name, text, error) => {
    const log = parseEvalLog(text);
    expect(log.ok).toBe(false);
    expect(!log.ok && log.error).toContain(error);
  });
});

const o = (
  label: EvalOutcome['label'],
  number: string | null,
  flagged: boolean,
  storedAsCase = label === 'genuine',
): EvalOutcome => ({
  label,
  number,
  flagged,
  storedAsCase,
});

describe('scoreEval', () => {
  it('scores a small replay the way the issue defines each figure', () => {
    const f = scoreEval([
      o('prank', 'A', false), // first prank of A: not in R
      o('prank', 'A', true), // repeat, flagged
      o('abusive', 'B', false),
      o('prank', 'B', false), // repeat after abusive, missed
      o('silent', 'A', true), // flagged but not a prank: costs precision
      o('genuine', 'A', true), // a household's real report, flagged
      o('genuine', null, false, false), // hidden: no case stored
      o('genuine', 'C', false),
      o('prank', null, true), // withheld: never in R
    ]);
    expect(f).toEqual({
      calls: 9,
      flagged: 4,
      precision: 2 / 4,
      recall_repeat: 1 / 2,
      repeat_pranks: 2,
      genuine: 3,
      genuine_flagged: 1,
      genuine_flagged_rate: 1 / 3,
      genuine_hidden: 1,
    });
  });

  it.each([
    [
      'nothing flagged: precision 1, no repeats: recall 1',
      [o('genuine', 'A', false)],
      { precision: 1, recall_repeat: 1, genuine_flagged_rate: 0 },
    ],
    [
      'no genuine calls: rate 0',
      [o('prank', 'A', true)],
      { precision: 1, genuine: 0, genuine_flagged_rate: 0 },
    ],
    [
      'a silent call never makes a number a repeat prankster',
      [o('silent', 'A', false), o('prank', 'A', false)],
      { repeat_pranks: 0, recall_repeat: 1 },
    ],
  ])('%s', (_n, outcomes, expected) => {
    expect(scoreEval(outcomes)).toMatchObject(expected);
  });
});
