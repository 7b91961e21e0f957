/**
 * `caller.lookup` through the real core and a real SQLite store: the history of a number
 * however it is typed, its open cases, the burst at core's clock, and bad input refused.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallerHistory } from '../../../shared/domain/screening/history';
import type { Likelihood } from '../../../shared/domain/screening/reasons';
import { openScreeningCore, type ScreeningCore } from '../../../tests/support/screening-core';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 2, 6, 0, 0);
const NUMBER = '+6281234567890';

type Lookup = { history: CallerHistory; likelihood: Likelihood };
let s: ScreeningCore;
const lookup = (number: string, ticks: string[] = [], withheld = false) =>
  s.call<Lookup>('caller.lookup', { number, withheld, ticks });

beforeEach(async () => {
  s = await openScreeningCore(T0);
});
afterEach(() => s.close());

describe('caller.lookup', () => {
  it('finds the same history however the number is typed, and flags a repeat prankster', async () => {
    for (const [h, d] of [
      [30, 'prank'],
      [20, 'prank'],
      [10, 'silent'],
      [3, 'abusive'],
    ] as const)
      await s.storeScreenedCall(NUMBER, T0 - h * HOUR, d);
    await s.storeScreenedCall('+6281111111111', T0 - HOUR, 'prank');
    for (const typed of ['0812 3456 7890', '+62 812-3456-7890', '6281234567890']) {
      const { history, likelihood } = await lookup(typed);
      expect(history).toMatchObject({
        number: NUMBER,
        calls: { prank: 2, abusive: 1, silent: 1, case: 0 },
        lastPrankAt: T0 - 3 * HOUR,
        openCases: 0,
      });
      expect(likelihood.level).toBe('flag');
      expect(likelihood.reasons[0]).toMatchObject({
        code: 'history_pranks',
        params: { pranks: 3, abusive: 1, calls: 4 },
      });
    }
  });

  it("counts only calls before core's clock, and moves the burst window with it", async () => {
    await s.storeScreenedCall(NUMBER, T0 - 9 * MIN, 'misdial');
    await s.storeScreenedCall(NUMBER, T0 - 2 * MIN, 'info');
    await s.storeScreenedCall(NUMBER, T0 + HOUR, 'prank'); // after "now": not yet known
    expect((await lookup(NUMBER)).likelihood.reasons.map((r) => r.code)).toEqual(['burst']);
    expect((await lookup(NUMBER)).history.calls.prank).toBe(0);
    s.clock.now = T0 + MIN + 1; // the older call is now 10 min + 1 ms ago
    expect((await lookup(NUMBER)).likelihood.reasons).toEqual([]);
  });

  it('knows the open cases this number reported, and does not score its burst', async () => {
    const saved = await s.call<{ caseId: string }>('intake.save', {
      callId: uuidv7(),
      startedAt: T0 - 5 * MIN,
      form: s.form('0812-3456-7890'),
    });
    await s.storeScreenedCall(NUMBER, T0 - 3 * MIN, 'misdial');
    const open = await lookup(NUMBER, ['children']);
    expect(open.history).toMatchObject({ openCases: 1, calls: { case: 1, misdial: 1 } });
    expect(open.likelihood.reasons.map((r) => r.code)).toContain('burst_own_case');
    expect(open.likelihood.level).toBe('none');

    await s.call('case.cancel', { caseId: saved.caseId, reason: 'Laporan ganda, sudah ditangani' });
    const cancelled = await lookup(NUMBER, ['children']);
    expect(cancelled.history.openCases).toBe(0);
    expect(cancelled.likelihood.reasons.map((r) => r.code)).toContain('burst');
  });

  it('reads a withheld or malformed number without history', async () => {
    const withheld = await lookup('', [], true);
    expect(withheld.history).toMatchObject({ number: null, withheld: true, malformed: false });
    expect(withheld.likelihood.reasons.map((r) => r.code)).toEqual(['withheld']);
    const bad = await lookup('12345');
    expect(bad.history).toMatchObject({ number: null, malformed: true });
    expect(bad.likelihood.reasons.map((r) => r.code)).toEqual(['malformed']);
    expect((await lookup('')).likelihood).toMatchObject({ level: 'none', reasons: [] });
  });

  it('updates with the ticks; no voice is a silent-call sign, not a prank reason', async () => {
    const ticked = await lookup(NUMBER, ['laughter', 'abuse']);
    expect(ticked.likelihood.level).toBe('flag');
    const silent = await lookup(NUMBER, ['no_voice']);
    expect(silent.likelihood).toMatchObject({ score: 0, silent: [{ code: 'tick_no_voice' }] });
  });

  it('refuses bad input with a specific error, and callers not signed in', async () => {
    for (const args of [
      { number: NUMBER, withheld: false, ticks: ['giggle'] },
      { number: NUMBER, withheld: false, ticks: ['laughter', 'laughter'] },
      { number: 'x'.repeat(41), withheld: false, ticks: [] },
      { number: NUMBER, ticks: [] },
      { number: NUMBER, withheld: false, ticks: [], extra: 1 },
    ]) {
      expect(await s.core.call('caller.lookup', args)).toMatchObject({
        ok: false,
        error: { code: 'api.invalid_args' },
      });
    }
    await s.call('auth.signOut', {});
    expect(
      await s.core.call('caller.lookup', { number: NUMBER, withheld: false, ticks: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
  });
});
