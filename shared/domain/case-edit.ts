/**
 * What an operator may change on an existing case, add to it, or why they cancel it. The
 * field messages are the intake's codes, so an edit reads like the intake form.
 */
import { z } from 'zod';
import { LIMITS } from './intake';
import { Urgency } from './reference';

const text = (max: number, code: string) => z.string().trim().max(max, code);

export const CaseEdit = z
  .object({
    description: text(LIMITS.description, 'intake.too_long').min(3, 'intake.description_required'),
    urgency: Urgency,
    address: text(LIMITS.address, 'intake.too_long'),
    landmark: text(LIMITS.landmark, 'intake.too_long'),
  })
  .partial()
  .strict()
  .refine((e) => Object.values(e).some((v) => v !== undefined), {
    message: 'intake.nothing_changed',
  });
export type CaseEdit = z.infer<typeof CaseEdit>;

/** A note on the case's timeline, shared with every desk. */
export const CaseNote = z.string().trim().min(1, 'intake.note_required').max(LIMITS.description);

/** Why a case is cancelled: its OPDs see this with the withdrawal. */
export const CancelReason = z
  .string()
  .trim()
  .min(3, 'intake.reason_required')
  .max(1000, 'intake.too_long');
