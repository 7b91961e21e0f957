/**
 * The evaluation replays a log through the real console core (its SQLite store, its
 * caller.lookup, intake.save, call.screen and call.callback) at each call's own time.
 */
import { describe, expect, it } from 'vitest';
import { scoreEval } from '../../shared/domain/screening/eval-figures';
import { parseEvalLog, type EvalLabel } from '../../shared/domain/screening/eval-log';
import { generateLog, wibIso } from './generate';
import { replayLog } from './replay';

const T0 = Date.UTC(2026, 10, 2, 6, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const log = (
  ...calls: Array<
    [minutes: number, number: string | null, label: EvalLabel, disposition?: EvalLabel]
  >
) => {
  const text = calls
    .map(([m, number, label, disposition], i) =>
      JSON.stringify({
        id: `t${i + 1}`,
        number,
        start: wibIso(T0 + m * MIN),
        end: wibIso(T0 + m * MIN + 30_000),
        label,
        ...(disposition ? { disposition } : {}),
      }),
    )
    .join('\n');
  const parsed = parseEvalLog(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.calls;
};

describe('replayLog', () => {
  it('flags a repeat prankster days later, and never a first caller or a genuine one', async () => {
    const outcomes = await replayLog(
      log(
        [0, '081234567890', 'prank'],
        [(3 * DAY) / MIN, '+62 812-3456-7890', 'prank'],
        [(3 * DAY) / MIN + 5, '081299998888', 'genuine'],
        [(3 * DAY) / MIN + 9, '081299998888', 'genuine'], // phoning again about the same report
      ),
    );
    expect(outcomes.map((o) => o.flagged)).toEqual([false, true, false, false]);
    expect(scoreEval(outcomes)).toMatchObject({
      precision: 1,
      recall_repeat: 1,
      genuine_hidden: 0,
    });
  });

  it("replays at each call's own time: the same number days apart is no burst", async () => {
    const spread = await replayLog(
      log(
        [0, '081311112222', 'misdial'],
        [DAY / MIN, '081311112222', 'misdial'],
        [(2 * DAY) / MIN, '081311112222', 'prank'],
      ),
    );
    expect(spread.map((o) => o.flagged)).toEqual([false, false, false]);
  });

  it('stores every genuine call as a case: called back when silent, reopened by the review when screened as a prank', async () => {
    const outcomes = await replayLog(
      log(
        [0, '081355556666', 'genuine', 'silent'],
        [10, '081377778888', 'genuine', 'prank'],
        [20, null, 'genuine'],
        [30, '12345', 'genuine'], // unreadable number: saved as withheld
      ),
    );
    // Each is read back from the store: a case holds the call (or the reopened one).
    expect(outcomes.map((o) => o.storedAsCase)).toEqual([true, true, true, true]);
    expect(scoreEval(outcomes).genuine_hidden).toBe(0);
  });

  it('meets the targets on a generated 30-day log', async () => {
    const text = generateLog({ days: 30, seed: 7 })
      .map((l) => JSON.stringify(l))
      .join('\n');
    const parsed = parseEvalLog(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const f = scoreEval(await replayLog(parsed.calls));
    expect(f.precision).toBeGreaterThanOrEqual(0.9);
    expect(f.recall_repeat).toBeGreaterThanOrEqual(0.9);
    expect(f.genuine_flagged_rate).toBeLessThanOrEqual(0.01);
    expect(f.genuine_hidden).toBe(0);
  }, 180_000);
});
