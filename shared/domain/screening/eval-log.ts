/**
 * The labeled call log `npm run eval:screening` replays (docs/SCREENING-EVAL.md): one call
 * per line, with its true label and, where the operator got it wrong, the disposition they
 * recorded. Each line is checked; a bad one is reported with its line number and the file is
 * not replayed at all.
 */
import { z } from 'zod';
import { Tick } from '../screening';

export const EvalLabel = z.enum(['genuine', 'prank', 'silent', 'misdial', 'abusive']);
export type EvalLabel = z.infer<typeof EvalLabel>;

const Instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

/** One line of the log. Fields not named here are ignored. */
export const EvalCall = z
  .object({
    id: z.string().min(1).max(200),
    /** As shown on the line's display; null when withheld. */
    number: z.string().max(64).nullable(),
    start: Instant,
    end: Instant,
    desk: z.string().max(64).optional(),
    ticks: z
      .array(Tick)
      .max(Tick.options.length)
      .refine((t) => new Set(t).size === t.length, 'each tick at most once')
      .default([]),
    label: EvalLabel,
    /** What the operator recorded, when it differs from the label (a mislabel). */
    disposition: EvalLabel.optional(),
  })
  .refine((c) => c.end >= c.start, { message: 'end is before start', path: ['end'] });
export type EvalCall = z.output<typeof EvalCall>;

export type EvalLogResult = { ok: true; calls: EvalCall[] } | { ok: false; error: string };

/** Parses a whole log; the calls come back in order of their start (ties keep file order). */
export function parseEvalLog(text: string): EvalLogResult {
  const calls: EvalCall[] = [];
  const ids = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return { ok: false, error: `line ${i + 1}: not JSON` };
    }
    const parsed = EvalCall.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || 'line';
      return { ok: false, error: `line ${i + 1}: ${field}: ${issue.message}` };
    }
    const seen = ids.get(parsed.data.id);
    if (seen !== undefined) {
      return {
        ok: false,
        error: `line ${i + 1}: id "${parsed.data.id}" already used on line ${seen}`,
      };
    }
    ids.set(parsed.data.id, i + 1);
    calls.push(parsed.data);
  }
  if (calls.length === 0) return { ok: false, error: 'the log has no calls' };
  return {
    ok: true,
    calls: calls
      .map((c, i) => ({ c, i }))
      .sort((a, b) => a.c.start - b.c.start || a.i - b.i)
      .map(({ c }) => c),
  };
}
