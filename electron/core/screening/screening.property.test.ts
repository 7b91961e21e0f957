/**
 * The promise screening keeps whatever it knows (DESIGN §2): whatever a number's history,
 * its flag, its soft block and its ticks, looking the caller up never stops the call from being stored or
 * its case from being saved — through the real core and a real SQLite store.
 */
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Tick } from '../../../shared/domain/screening';
import type { Likelihood } from '../../../shared/domain/screening/reasons';
import { openScreeningCore, type ScreeningCore } from '../../../tests/support/screening-core';

const T0 = Date.UTC(2026, 10, 2, 6, 0, 0);
const MIN = 60_000;
let s: ScreeningCore;
beforeAll(async () => {
  s = await openScreeningCore(T0);
});
afterAll(() => s.close());

const screened = fc.constantFrom('prank', 'silent', 'misdial', 'abusive', 'info', 'test' as const);
const earlier = fc.record({
  minutesAgo: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  disposition: fc.oneof(
    { weight: 3, arbitrary: screened },
    { weight: 1, arbitrary: fc.constant('case' as const) },
  ),
});

it('always stores the call, screened out or as a case, and saves its case, flagged or not', async () => {
  const levels = new Set<string>();
  let blocked = 0;
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(earlier, { maxLength: 25 }),
      fc.uniqueArray(fc.constantFrom(...Tick.options)),
      fc.boolean(),
      fc.option(screened, { nil: 'case' as const }),
      fc.option(fc.integer({ min: 1, max: 72 }), { nil: null }),
      async (history, ticks, withheld, ending, blockHours) => {
        s.clock.now = T0 + ++n * 10 * 24 * 60 * MIN; // each run on its own days
        const number = withheld ? null : `+628123${String(100000 + n).padStart(6, '0')}`;
        for (const h of [...history].sort((a, b) => b.minutesAgo - a.minutesAgo)) {
          const at = s.clock.now - h.minutesAgo * MIN - 1;
          if (h.disposition !== 'case') await s.storeScreenedCall(number, at, h.disposition);
          else if (number)
            await s.call('intake.save', { callId: uuidv7(), startedAt: at, form: s.form(number) });
        }
        // A supervisor's soft block on the number, some of the time.
        if (number && blockHours !== null) {
          await s.asSupervisor('caller.block', {
            number,
            reason: 'Iseng berulang',
            hours: blockHours,
          });
        }
        const { likelihood, history: known } = await s.call<{
          likelihood: Likelihood;
          history: { block: unknown };
        }>('caller.lookup', {
          number: number ?? '',
          withheld,
          ticks,
        });
        levels.add(likelihood.level);
        if (known.block) blocked++;
        // However it ends — screened out with one key, or saved as a case — it is stored.
        if (ending !== 'case') {
          const callId = await s.storeScreenedCall(number, s.clock.now - MIN, ending);
          expect(s.storedDisposition(callId)).toBe(ending);
        }
        const callId = uuidv7();
        const saved = await s.core.call('intake.save', {
          callId,
          startedAt: s.clock.now - MIN,
          form: s.form(number),
        });
        expect(saved).toMatchObject({ ok: true, value: { callId, duplicate: false } });
        const caseId = (saved as { value: { caseId: string } }).value.caseId;
        const detail = await s.call<{ calls: Array<{ callId: string }> }>('case.get', { caseId });
        expect(detail.calls.map((c) => c.callId)).toEqual([callId]);
      },
    ),
    { numRuns: 60, seed: 13 },
  );
  // The property covered flagged numbers, not only quiet ones.
  expect(levels).toEqual(new Set(['none', 'watch', 'flag']));
  expect(blocked).toBeGreaterThan(0);
});
