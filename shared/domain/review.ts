/**
 * The supervisor's review of screened calls (DESIGN §1: "was a real emergency
 * dismissed?"): the calls of a shift that opened no case, filtered by disposition, desk,
 * operator and number; any of them can be reopened as a case.
 */
import { z } from 'zod';
import { EpochMs, Uuid } from './case';
import { LIMITS } from './intake';
import { RetentionRules } from './retention';
import { CallbackOutcome, ScreenDisposition, Tick } from './screening';

export const ReviewQuery = z
  .object({
    /** 0: the current shift; 1: the one before; … (up to two years back). */
    shiftsBack: z
      .number()
      .int()
      .min(0)
      .max(3 * 365 * 2)
      .default(0),
    disposition: ScreenDisposition.optional(),
    deskId: z.string().trim().max(64).optional(),
    /** Part of the operator's name. */
    operator: z.string().trim().max(120).optional(),
    /** The number as typed; matched in its normalized form. */
    number: z.string().trim().max(LIMITS.number).optional(),
  })
  .strict();
export type ReviewQuery = z.input<typeof ReviewQuery>;

export const ReviewedCall = z.object({
  callId: Uuid,
  startedAt: EpochMs,
  endedAt: EpochMs.nullable(),
  /** Normalized; null when withheld or unreadable; a hashed one after retention. */
  callerNumber: z.string().nullable(),
  withheld: z.boolean(),
  deskId: z.string(),
  operator: z.string(),
  disposition: ScreenDisposition,
  note: z.string(),
  ticks: z.array(Tick),
  callback: CallbackOutcome.nullable(),
  /** The case a supervisor reopened it as, or the one its genuine callback opened. */
  caseId: Uuid.nullable(),
});
export type ReviewedCall = z.infer<typeof ReviewedCall>;

export const ReviewPage = z.object({
  shift: z.object({ start: EpochMs, end: EpochMs }),
  calls: z.array(ReviewedCall),
  /** How long numbers of calls without a case are kept before they are hashed. */
  retention: RetentionRules,
});
export type ReviewPage = z.infer<typeof ReviewPage>;

/** What a reopened call's timeline line carries (as JSON), so every language can show it. */
export const ReopenedNote = z.object({
  callId: Uuid,
  startedAt: EpochMs,
  disposition: ScreenDisposition,
  screenedBy: z.string(),
  deskId: z.string(),
});
export type ReopenedNote = z.infer<typeof ReopenedNote>;
