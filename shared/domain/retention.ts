/**
 * Retention of caller numbers (UU PDP 27/2022): a call that opened no case keeps its
 * number only for a period (data: resources/data/screening.json, key `retention`); after
 * it the number is replaced by a keyed hash, so the caller's history still matches and the
 * number itself is gone.
 */
import { z } from 'zod';

export const RetentionRules = z.object({ months: z.number().int().min(1).max(120) }).strict();
export type RetentionRules = z.infer<typeof RetentionRules>;

export const DEFAULT_RETENTION: RetentionRules = { months: 12 };

/** Hashed numbers start with this, so no screen takes one for a phone number. */
export const HASHED_PREFIX = 'h:';

export const isHashedNumber = (n: string | null): boolean =>
  n !== null && n.startsWith(HASHED_PREFIX);

/** The moment before which a call's number is hashed: `months` calendar months before `now` (UTC). */
export function retentionCutoff(now: number, rules: RetentionRules): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - rules.months);
  return d.getTime();
}
