/**
 * What the desk knows about a caller number when it is entered: its earlier calls by
 * disposition, the last prank, open cases, the calls of the last hours and an active soft
 * block. The desk's store answers it (electron/core); the signals beside this file read it.
 */
import { z } from 'zod';
import { Disposition } from '../case';

/** A soft block in force on a number (set by a supervisor, or automatically by the hub). */
export const ActiveBlock = z.object({
  kind: z.enum(['manual', 'auto_prank', 'auto_silent']),
  /** UTC epoch ms when it lapses. */
  until: z.number().int(),
});
export type ActiveBlock = z.infer<typeof ActiveBlock>;

const Int = z.number().int().nonnegative();

export const DispositionCounts = z.object({
  case: Int,
  prank: Int,
  silent: Int,
  misdial: Int,
  abusive: Int,
  info: Int,
  test: Int,
});
export type DispositionCounts = z.infer<typeof DispositionCounts>;

export const emptyCounts = (): DispositionCounts => ({
  case: 0,
  prank: 0,
  silent: 0,
  misdial: 0,
  abusive: 0,
  info: 0,
  test: 0,
});

export const RecentCall = z.object({ at: z.number().int(), disposition: Disposition });
export type RecentCall = z.infer<typeof RecentCall>;

export const CallerHistory = z.object({
  /** The normalized number (E.164), or null when withheld or not a valid number. */
  number: z.string().nullable(),
  withheld: z.boolean(),
  /** A number was typed but it is not a valid Indonesian number. */
  malformed: z.boolean(),
  /** Earlier calls of this number, by disposition. */
  calls: DispositionCounts,
  /** UTC epoch ms of the last prank or abusive call, if any. */
  lastPrankAt: z.number().int().nullable(),
  /** UTC epoch ms of the last call that opened or joined a case, if any. */
  lastCaseAt: z.number().int().nullable().default(null),
  /** Cases not yet resolved, closed or cancelled that a call from this number opened or joined. */
  openCases: Int,
  /** Earlier calls within the longest window the rules look at (burst, silent), newest first. */
  recent: z.array(RecentCall),
  block: ActiveBlock.nullable(),
});
export type CallerHistory = z.infer<typeof CallerHistory>;

/** Everything in the history that counts as a prank for the likelihood: prank and abusive calls. */
export const prankCalls = (c: DispositionCounts): number => c.prank + c.abusive;
export const totalCalls = (c: DispositionCounts): number =>
  c.case + c.prank + c.silent + c.misdial + c.abusive + c.info + c.test;
