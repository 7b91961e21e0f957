/**
 * A call screened out during the call (DESIGN §2 "Prank screening"): the operator ends it
 * with one disposition key, an optional short note and the boxes ticked while it ran. It
 * opens no case. A silent call is called back, and the callback's outcome is kept on it.
 */
import { z } from 'zod';
import { EpochMs, Uuid } from './case';
import { LIMITS } from './intake';
import { CallbackOutcome, ScreenDisposition, Tick } from './screening';

/** The note is a line, not a report: what made the operator decide. */
export const CALL_NOTE_LIMIT = 200;

export const CallNote = z.string().trim().max(CALL_NOTE_LIMIT, 'intake.too_long');

/** Each box at most once. */
export const Ticks = z
  .array(Tick)
  .max(Tick.options.length)
  .refine((ticks) => new Set(ticks).size === ticks.length, 'screen.tick_repeated');

/**
 * `call.screen`: the number as typed (normalized by core; one that does not read as a
 * number is kept as typed, never refused: the call happened), or withheld.
 */
export const CallScreen = z
  .object({
    callId: Uuid,
    startedAt: EpochMs,
    callerNumber: z.string().trim().max(LIMITS.number, 'intake.number_invalid'),
    withheld: z.boolean(),
    disposition: ScreenDisposition,
    note: CallNote.default(''),
    ticks: Ticks.default([]),
  })
  .strict()
  .superRefine((call, ctx) => {
    if (call.withheld && call.callerNumber !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['callerNumber'],
        message: 'intake.number_with_withheld',
      });
    }
  });
export type CallScreen = z.input<typeof CallScreen>;

export const CallScreened = z.object({
  callId: Uuid,
  disposition: ScreenDisposition,
  savedAt: EpochMs,
  /** True when this call had been stored before (a retried request): nothing was written. */
  duplicate: z.boolean(),
  /** The number to call back: set for a silent call whose number is known. */
  callbackNumber: z.string().nullable(),
});
export type CallScreened = z.infer<typeof CallScreened>;

/** `call.callback`: how calling a silent caller back went. */
export const CallCallback = z.object({ callId: Uuid, outcome: CallbackOutcome }).strict();

export const CallbackRecorded = z.object({
  callId: Uuid,
  outcome: CallbackOutcome,
  at: EpochMs,
  /** The silent caller's number: a genuine caller's case starts with it. */
  callerNumber: z.string(),
});
export type CallbackRecorded = z.infer<typeof CallbackRecorded>;
