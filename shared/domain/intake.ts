/**
 * The intake form: what an operator records about a call that becomes a case. Messages
 * are codes (`intake.*`) that the UI translates, so a field error reads in the operator's
 * language. Free text has hard limits; it is stored and shown as text, never as HTML.
 */
import { z } from 'zod';
import { Identifier } from '../hub/protocol';
import { EpochMs, Uuid } from './case';
import { normalizeNumber } from './phone';
import { Urgency } from './reference';
import { Tick } from './screening';

export const LIMITS = {
  callerName: 120,
  description: 2000,
  address: 300,
  landmark: 200,
  number: 32,
} as const;

/**
 * What a draft keeps: ten times a field's limit, so text pasted over the limit is kept
 * whole (and shown as too long) instead of being cut; beyond this the change is refused.
 */
export const DRAFT_LIMITS = {
  callerName: LIMITS.callerName * 10,
  description: LIMITS.description * 10,
  address: LIMITS.address * 10,
  landmark: LIMITS.landmark * 10,
  number: LIMITS.number * 10,
} as const;

/** The OPDs a call is dispatched to as it is saved (Alt+K): none, or up to five, each once. */
export const DispatchTo = z
  .array(Identifier)
  .max(5, 'dispatch.too_many')
  .refine((ids) => new Set(ids).size === ids.length, 'dispatch.opd_repeated');

const text = (max: number, code: string) => z.string().trim().max(max, code);

export const IntakeForm = z
  .object({
    callerNumber: z.string().trim().max(LIMITS.number, 'intake.number_invalid'),
    withheld: z.boolean(),
    callerName: text(LIMITS.callerName, 'intake.too_long'),
    anonim: z.boolean(),
    rahasia: z.boolean(),
    categoryId: Identifier.or(z.literal('')).refine((v) => v !== '', 'intake.category_required'),
    urgency: Urgency,
    description: text(LIMITS.description, 'intake.too_long').min(3, 'intake.description_required'),
    kecamatanId: Identifier.or(z.literal('')).refine((v) => v !== '', 'intake.kecamatan_required'),
    kelurahanId: Identifier.or(z.literal('')).refine((v) => v !== '', 'intake.kelurahan_required'),
    address: text(LIMITS.address, 'intake.too_long'),
    landmark: text(LIMITS.landmark, 'intake.too_long'),
    lat: z
      .number()
      .min(-90, 'intake.coordinates_invalid')
      .max(90, 'intake.coordinates_invalid')
      .nullable(),
    lng: z
      .number()
      .min(-180, 'intake.coordinates_invalid')
      .max(180, 'intake.coordinates_invalid')
      .nullable(),
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.withheld) {
      if (form.callerNumber !== '') {
        ctx.addIssue({
          code: 'custom',
          path: ['callerNumber'],
          message: 'intake.number_with_withheld',
        });
      }
    } else if (form.callerNumber === '') {
      ctx.addIssue({ code: 'custom', path: ['callerNumber'], message: 'intake.number_required' });
    } else if (!normalizeNumber(form.callerNumber).ok) {
      ctx.addIssue({ code: 'custom', path: ['callerNumber'], message: 'intake.number_invalid' });
    }
    if ((form.lat === null) !== (form.lng === null)) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'intake.coordinates_invalid' });
    }
  });
export type IntakeForm = z.infer<typeof IntakeForm>;

export const emptyIntakeForm = (): IntakeForm => ({
  callerNumber: '',
  withheld: false,
  callerName: '',
  anonim: false,
  rahasia: false,
  categoryId: '',
  urgency: 'non_darurat',
  description: '',
  kecamatanId: '',
  kelurahanId: '',
  address: '',
  landmark: '',
  lat: null,
  lng: null,
});

/**
 * `intake.save`: the call id is made when the call starts, so a retried save is idempotent.
 * With `dispatchTo` the case and its dispatches are written in one transaction (Alt+K).
 * `callbackOf` names the silent call this call returned, when its caller proved genuine;
 * `reopenedCallId` the screened call a supervisor reopened as this case.
 */
export const IntakeSave = z
  .object({
    callId: Uuid,
    startedAt: EpochMs,
    form: IntakeForm,
    dispatchTo: DispatchTo.optional(),
    callbackOf: Uuid.optional(),
    /** A supervisor reopens this screened call as the case: the call is linked to it. */
    reopenedCallId: Uuid.optional(),
  })
  .strict();

/** A half-typed call: anything goes except size, so a crash never loses what was typed. */
export const DraftForm = z
  .object({
    callerNumber: z.string().max(DRAFT_LIMITS.number),
    withheld: z.boolean(),
    callerName: z.string().max(DRAFT_LIMITS.callerName),
    anonim: z.boolean(),
    rahasia: z.boolean(),
    categoryId: z.string().max(64),
    categoryText: z.string().max(120),
    urgency: Urgency,
    description: z.string().max(DRAFT_LIMITS.description),
    kecamatanId: z.string().max(64),
    kelurahanId: z.string().max(64),
    kelurahanText: z.string().max(120),
    address: z.string().max(DRAFT_LIMITS.address),
    landmark: z.string().max(DRAFT_LIMITS.landmark),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    // What would screen the call out: the boxes ticked and the note (ten times its 200).
    ticks: z.array(Tick).max(Tick.options.length),
    screenNote: z.string().max(2000),
    /** The silent call this call returned, for a genuine caller called back. */
    callbackOf: Uuid,
  })
  .partial()
  .strict();
export type DraftForm = z.infer<typeof DraftForm>;

export const Draft = z.object({
  callId: Uuid,
  startedAt: EpochMs,
  form: DraftForm,
  savedAt: EpochMs,
});
export type Draft = z.infer<typeof Draft>;
