/**
 * Why a call looks like a prank, or like a repeated silent call: each reason is a code with
 * numeric params (counts, minutes, times), translated in the UI ("4 dari 5 panggilan
 * sebelumnya iseng"). Caller text never travels in a reason.
 */
import { z } from 'zod';

/** Reasons that move the prank score (a negative weight speaks for the caller). */
export const ReasonCode = z.enum([
  'history_pranks',
  'last_prank',
  'burst',
  /** A burst from a number with its own open case: shown, never counted. */
  'burst_own_case',
  'withheld',
  'malformed',
  'block_manual',
  'block_prank',
  'tick_laughter',
  'tick_children',
  'tick_abuse',
  'genuine_calls',
  'open_case',
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

/** "Panggilan kosong berulang": shown beside the score, never part of it (silent ≠ iseng). */
export const SilentCode = z.enum(['silent_repeat', 'block_silent', 'tick_no_voice']);
export type SilentCode = z.infer<typeof SilentCode>;

const Params = z.record(z.string(), z.number());

export const Reason = z.object({ code: ReasonCode, params: Params, weight: z.number() });
export type Reason = z.infer<typeof Reason>;

export const SilentReason = z.object({ code: SilentCode, params: Params });
export type SilentReason = z.infer<typeof SilentReason>;

export const Level = z.enum(['none', 'watch', 'flag']);
export type Level = z.infer<typeof Level>;

export const Likelihood = z.object({
  score: z.number(),
  level: Level,
  /** Strongest first. */
  reasons: z.array(Reason),
  silent: z.array(SilentReason),
});
export type Likelihood = z.infer<typeof Likelihood>;
