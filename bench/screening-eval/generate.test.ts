/** The seeded log generator: the same seed writes the same log, and it carries a real line's traps. */
import { describe, expect, it } from 'vitest';
import { parseEvalLog } from '../../shared/domain/screening/eval-log';
import { generateLog } from './generate';

const log = generateLog({ days: 30, seed: 3 });
const parsed = parseEvalLog(log.map((l) => JSON.stringify(l)).join('\n'));
const calls = parsed.ok ? parsed.calls : [];
const byNumber = new Map<string, typeof calls>();
for (const c of calls) if (c.number) byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
const some = (test: (cs: typeof calls) => boolean) => [...byNumber.values()].some(test);
const MIN = 60_000;

describe('generateLog', () => {
  it('writes a log the evaluation reads, the same for the same seed and not for another', () => {
    expect(parsed.ok).toBe(true);
    expect(generateLog({ days: 30, seed: 3 })).toEqual(log);
    expect(generateLog({ days: 30, seed: 4 })).not.toEqual(log);
    expect(new Set(calls.map((c) => c.label))).toEqual(
      new Set(['genuine', 'prank', 'silent', 'misdial', 'abusive']),
    );
    expect(calls.at(-1)!.start - calls[0]!.start).toBeGreaterThan(29 * 24 * 60 * MIN);
  });

  it('has the traps: callers phoning again, households, silent-then-spoken, withheld, mislabels', () => {
    // A genuine caller phoning again about their own report.
    expect(some((cs) => cs.filter((c) => c.label === 'genuine').length >= 2)).toBe(true);
    // A household phone with a prank history that later reports a real emergency.
    expect(
      some((cs) => {
        const prank = cs.findIndex((c) => c.label === 'prank');
        return prank >= 0 && cs.slice(prank).some((c) => c.label === 'genuine');
      }),
    ).toBe(true);
    // A genuine silent call followed by a spoken one.
    expect(
      some((cs) =>
        cs.some(
          (c, i) =>
            c.label === 'genuine' &&
            c.disposition === 'silent' &&
            cs[i + 1]?.label === 'genuine' &&
            cs[i + 1]!.start - c.start <= 10 * MIN,
        ),
      ),
    ).toBe(true);
    expect(calls.some((c) => c.label === 'genuine' && c.number === null)).toBe(true);
    // Bursts: three calls from one number within ten minutes.
    expect(
      some((cs) => cs.some((c, i) => cs[i + 2] && cs[i + 2]!.start - c.start <= 10 * MIN)),
    ).toBe(true);
    expect(calls.filter((c) => c.disposition && c.disposition !== c.label).length).toBeGreaterThan(
      5,
    );
  });
});
