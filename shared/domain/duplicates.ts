/**
 * Duplicate reports (DESIGN §2 "Call and case"): while a call is recorded, the open cases
 * that are probably the same incident, and joining one as a co-reporter. The windows and
 * limits are data (`duplicates` in resources/data/screening.json), read with DuplicateRules.
 */
import { z } from 'zod';
import { Identifier } from '../hub/protocol';
import { CaseStatus, EpochMs, Uuid } from './case';
import { IntakeForm, LIMITS } from './intake';
import { normalizeNumber } from './phone';
import { Urgency } from './reference';

/** The `duplicates` key of resources/data/screening.json. */
export const DuplicateRules = z
  .object({
    /** Same category and kelurahan: cases opened within this many minutes are suggested. */
    sameAreaWindowMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    /** Per category, a longer or shorter window than the default (a fallen tree lies for hours). */
    sameAreaWindowMinutesByCategory: z
      .record(
        Identifier,
        z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 60),
      )
      .default({}),
    /** A similar address or landmark: cases opened within this many hours are searched. */
    textWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    /** How many suggestions the intake screen lists at most. */
    maxSuggestions: z.number().int().min(1).max(10),
    /** Words shorter than this are not searched (too common to tell incidents apart). */
    minWordLength: z.number().int().min(1).max(10),
    /** Words every address has ("jalan", "rt"): never a reason to suggest a case. */
    ignoredWords: z.array(z.string().min(1).max(40)).max(200),
  })
  .strict();
export type DuplicateRules = z.infer<typeof DuplicateRules>;

/** `case.duplicates`: what the operator has typed so far (any part may still be empty). */
export const DuplicateQuery = z
  .object({
    categoryId: Identifier.or(z.literal('')),
    kelurahanId: Identifier.or(z.literal('')),
    address: z.string().max(LIMITS.address),
    landmark: z.string().max(LIMITS.landmark),
  })
  .strict();
export type DuplicateQuery = z.infer<typeof DuplicateQuery>;

/** Why a case was suggested: same category and kelurahan lately, a similar place, or both. */
export const DuplicateReason = z.enum(['area', 'text', 'both']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateSuggestion = z.object({
  caseId: Uuid,
  createdAt: EpochMs,
  status: CaseStatus,
  urgency: Urgency,
  categoryId: z.string(),
  kecamatanId: z.string(),
  kelurahanId: z.string(),
  address: z.string(),
  landmark: z.string(),
  /** The OPDs holding the case now, as the queue names them; null before any dispatch. */
  opd: z.string().nullable(),
  /** The first caller and every co-reporter. */
  reporters: z.number().int().positive(),
  reason: DuplicateReason,
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

/** The caller part of the intake form: who joins a case as a co-reporter. */
export const CoReporter = z
  .object({
    callerNumber: IntakeForm.shape.callerNumber,
    withheld: z.boolean(),
    callerName: IntakeForm.shape.callerName,
  })
  .strict()
  .superRefine((c, ctx) => {
    // The same rules as a save: a valid number, or withheld with none.
    if (c.withheld) {
      if (c.callerNumber !== '') {
        ctx.addIssue({
          code: 'custom',
          path: ['callerNumber'],
          message: 'intake.number_with_withheld',
        });
      }
    } else if (c.callerNumber === '') {
      ctx.addIssue({ code: 'custom', path: ['callerNumber'], message: 'intake.number_required' });
    } else if (!normalizeNumber(c.callerNumber).ok) {
      ctx.addIssue({ code: 'custom', path: ['callerNumber'], message: 'intake.number_invalid' });
    }
  });
export type CoReporter = z.infer<typeof CoReporter>;

/**
 * `case.join`: the call ends as a co-reporter of an open case (disposition `case`, that
 * case's id). The call id is made when the call starts, so a retried join is idempotent.
 */
export const CaseJoin = z
  .object({ callId: Uuid, startedAt: EpochMs, caseId: Uuid, caller: CoReporter })
  .strict();
