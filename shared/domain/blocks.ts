/**
 * Soft blocks (DESIGN §2 "Prank screening"): a banner on a number, never a refusal at the
 * line. A supervisor sets one with a reason and an expiry; the hub sets one automatically
 * when a number reaches a count of prank (or abusive) calls, or of silent calls, within a
 * window. The counts, windows and the 24-hour expiry are data (resources/data/screening.json,
 * key `blocks`); this file holds their schema and the rule, with no clock of its own.
 */
import { z } from 'zod';
import { EpochMs, Uuid } from './case';

export const BlockKind = z.enum(['manual', 'auto_prank', 'auto_silent']);
export type BlockKind = z.infer<typeof BlockKind>;

/** A normalized number (E.164), as desks key their caller history. */
export const BlockNumber = z.string().regex(/^\+[1-9]\d{5,14}$/, 'block.number_invalid');

export const BLOCK_REASON_MAX = 500;

const Trigger = z
  .object({
    /** Calls of this kind within the window that set a block (the call that reaches it included). */
    count: z.number().int().min(2).max(1000),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict();

export const BlockRules = z
  .object({
    /** Prank and abusive calls count together. */
    prank: Trigger,
    /** Silent calls: the block reads "panggilan kosong berulang", never "iseng". */
    silent: Trigger,
    /** How long an automatic block lasts (Purworejo: 24 hours). */
    autoHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
  })
  .strict();
export type BlockRules = z.infer<typeof BlockRules>;

/** The reason an automatic block carries; screens show a translated label from its kind. */
export const AUTO_REASON = {
  auto_prank: 'panggilan iseng berulang',
  auto_silent: 'panggilan kosong berulang',
} as const satisfies Record<Exclude<BlockKind, 'manual'>, string>;

/** A block as every desk keeps it. */
export const Block = z.object({
  blockId: Uuid,
  number: BlockNumber,
  kind: BlockKind,
  reason: z.string().max(BLOCK_REASON_MAX),
  setAt: EpochMs,
  until: EpochMs,
  liftedAt: EpochMs.nullable(),
  /** Who set it: a supervisor, or the operator whose call reached the count. */
  setBy: z.string().max(120),
  liftedBy: z.string().max(120).nullable(),
});
export type Block = z.infer<typeof Block>;

export const isActiveBlock = (b: Pick<Block, 'until' | 'liftedAt'>, now: number): boolean =>
  b.liftedAt === null && now < b.until;

/** The class of a screened call for the automatic rule; other dispositions never count. */
export function blockClass(disposition: string): 'prank' | 'silent' | null {
  if (disposition === 'prank' || disposition === 'abusive') return 'prank';
  if (disposition === 'silent') return 'silent';
  return null;
}

export interface CountedCall {
  at: number;
  disposition: string;
}

/**
 * Whether the call just stored (`trigger`) brings its number to a block: the calls of the
 * trigger's class whose start lies in (trigger.at − window, trigger.at] reach the count.
 * `calls` are the number's stored calls (the trigger among them); those at or before
 * `notBefore` (a supervisor lifted a block then) do not count again.
 */
export function autoBlockKind(
  calls: readonly CountedCall[],
  trigger: CountedCall,
  rules: BlockRules,
  notBefore = 0,
): Exclude<BlockKind, 'manual'> | null {
  const cls = blockClass(trigger.disposition);
  if (!cls) return null;
  const { count, windowMinutes } = rules[cls];
  const from = Math.max(trigger.at - windowMinutes * 60_000, notBefore);
  const inWindow = calls.filter(
    (c) => blockClass(c.disposition) === cls && c.at > from && c.at <= trigger.at,
  ).length;
  if (inWindow < count) return null;
  return cls === 'prank' ? 'auto_prank' : 'auto_silent';
}
