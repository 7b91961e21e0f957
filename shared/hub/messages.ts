/**
 * Hub protocol v1 messages (DESIGN §4) and their acks. Both ends validate every message
 * with these schemas; a message that fails gets an error ack with one of HubErrorCode.
 */
import { z } from 'zod';
import { EpochMs, Uuid } from '../domain/case';
import { LIMITS } from '../domain/intake';
import { Urgency } from '../domain/reference';
import { Identifier } from './protocol';

export const HubErrorCode = z.enum([
  'protocol.unknown_message',
  'protocol.invalid',
  /** The message's id was already used by another message type or another sender. */
  'protocol.id_reused',
  /** The actor in the message is not the identity of the connection's token. */
  'auth.actor_mismatch',
  /** The dispatch belongs to another OPD. */
  'auth.not_yours',
  'case.unknown',
  /** A case.upsert made on a seq the hub has not reached (its record is older than the desk's). */
  'case.base_seq_ahead',
  'opd.unknown',
  'dispatch.unknown',
  'dispatch.conflict',
  'transition.illegal',
  'internal',
]);
export type HubErrorCode = z.infer<typeof HubErrorCode>;

export type HubAck<T> =
  ({ ok: true } & T) | { ok: false; error: { code: HubErrorCode; message: string } };

export const Actor = z
  .object({
    id: Identifier,
    role: z.enum(['desk', 'opd', 'supervisor']),
    /** The person who acted: operator, OPD clerk, supervisor. */
    person: z.string().min(1).max(120),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

/** The case fields a desk replicates to the hub. Free text keeps the intake limits. */
export const CaseFields = z
  .object({
    status: z.string().max(32),
    categoryId: Identifier,
    urgency: Urgency,
    description: z.string().max(LIMITS.description),
    kecamatanId: Identifier,
    kelurahanId: Identifier,
    address: z.string().max(LIMITS.address),
    landmark: z.string().max(LIMITS.landmark),
    lat: z.number().min(-90).max(90).nullable(),
    lng: z.number().min(-180).max(180).nullable(),
    anonim: z.boolean(),
    rahasia: z.boolean(),
    callerName: z.string().max(LIMITS.callerName),
    callerNumber: z.string().max(LIMITS.number).nullable(),
  })
  .partial()
  .strict();
export type CaseFields = z.infer<typeof CaseFields>;

export const CaseUpsert = z
  .object({
    changeId: Uuid,
    caseId: Uuid,
    /** The hub seq the desk's copy was at when the change was made. */
    baseSeq: z.number().int().nonnegative(),
    fields: CaseFields,
    actor: Actor,
  })
  .strict();

/** This desk takes the case over: from now on it edits the case's fields. */
export const CaseClaim = z.object({ changeId: Uuid, caseId: Uuid, actor: Actor }).strict();

const EntryText = z.string().trim().min(1).max(LIMITS.description);

/**
 * What anyone may add to a case without editing it: a note, a co-reporter, or that an
 * operator phoned the OPD about one of its dispatches (`text` names the OPD) — so no other
 * desk phones again for the same red dispatch.
 */
export const CaseEntry = z.union([
  z.object({ kind: z.enum(['note', 'co_reporter']), text: EntryText }).strict(),
  z.object({ kind: z.literal('opd_called'), dispatchId: Uuid, text: EntryText }).strict(),
]);
export type CaseEntry = z.infer<typeof CaseEntry>;

export const CaseAppend = z
  .object({ changeId: Uuid, caseId: Uuid, entry: CaseEntry, actor: Actor })
  .strict();

export const DispatchWithdraw = z
  .object({
    withdrawId: Uuid,
    dispatchId: Uuid,
    reason: z.string().trim().min(1).max(1000),
    actor: Actor,
  })
  .strict();

/** A call that opened no case (prank, silent, …): shared caller history and counts. */
export const CallLog = z
  .object({
    callId: Uuid,
    at: EpochMs,
    disposition: z.enum(['prank', 'silent', 'misdial', 'abusive', 'info', 'test']),
    callerNumber: z.string().max(LIMITS.number).nullable(),
    actor: Actor,
  })
  .strict();

export const DispatchRequest = z
  .object({ dispatchId: Uuid, caseId: Uuid, opdId: Identifier, actor: Actor })
  .strict();

export const DispatchStatus = z.enum([
  'queued',
  'seen',
  'accepted',
  'in_progress',
  'resolved',
  'returned',
  'withdrawn',
]);
export type DispatchStatus = z.infer<typeof DispatchStatus>;

/** What an OPD may move a dispatch to, from where. Anything else is `transition.illegal`. */
export const LEGAL_TRANSITIONS: Readonly<Record<DispatchStatus, readonly DispatchStatus[]>> = {
  queued: ['accepted', 'returned'],
  seen: ['accepted', 'returned'],
  accepted: ['in_progress', 'resolved', 'returned'],
  in_progress: ['resolved'],
  resolved: [],
  returned: [],
  withdrawn: [],
};

export const Transition = z
  .object({
    transitionId: Uuid,
    dispatchId: Uuid,
    to: z.enum(['accepted', 'in_progress', 'resolved', 'returned']),
    note: z.string().trim().max(1000),
    actor: Actor,
  })
  .strict()
  .refine((t) => t.to !== 'returned' || t.note.length > 0, {
    message: 'returning a dispatch (bukan wewenang) needs a reason',
    path: ['note'],
  });

export const SyncRequest = z
  .object({
    sinceSeq: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .strict();

export const HubEvent = z.object({
  seq: z.number().int().positive(),
  type: z.enum([
    'case.changed',
    'case.conflict',
    'case.claimed',
    'case.appended',
    'dispatch.status',
    'call.logged',
  ]),
  at: EpochMs,
  actor: Actor,
  /** Every event but call.logged concerns one case. */
  caseId: Uuid.optional(),
  dispatchId: Uuid.optional(),
  opdId: Identifier.optional(),
  status: DispatchStatus.optional(),
  fields: CaseFields.optional(),
  note: z.string().optional(),
  /** case.claimed: the desk that edits the case from now on. */
  holder: Identifier.optional(),
  /** case.appended: what was added. */
  entry: CaseEntry.optional(),
  /** call.logged: the call. */
  call: CallLog.omit({ actor: true }).optional(),
});
export type HubEvent = z.infer<typeof HubEvent>;

/** What an OPD inbox receives: the dispatch and the case as that OPD may see it. */
export const OpdDispatch = z.object({
  dispatchId: Uuid,
  caseId: Uuid,
  status: DispatchStatus,
  queuedAt: EpochMs,
  case: CaseFields,
});
export type OpdDispatch = z.infer<typeof OpdDispatch>;

/**
 * Pushed to an OPD's room only: one of its dispatches changed status (seen, accepted by
 * another clerk, resolved, returned, withdrawn by the center). `queued` never comes this
 * way: a new dispatch arrives as `dispatch.new`.
 */
export const OpdDispatchChanged = z.object({
  dispatchId: Uuid,
  status: DispatchStatus,
  note: z.string().optional(),
  actor: Actor,
  at: EpochMs,
});
export type OpdDispatchChanged = z.infer<typeof OpdDispatchChanged>;
