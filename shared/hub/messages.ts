/**
 * Hub protocol v1 messages (DESIGN §4) and the events the hub pushes. The hub validates
 * every message strictly (an unknown field is refused); a desk reads events leniently, so
 * a newer hub's extra fields or event types never stall an older desk (event-envelope.ts).
 * Acks are in acks.ts.
 */
import { z } from 'zod';
import { AccountRecord, PersonToken } from '../domain/account';
import { BLOCK_REASON_MAX, BlockKind, BlockNumber } from '../domain/blocks';
import { EpochMs, Role, Uuid } from '../domain/case';
import { LIMITS } from '../domain/intake';
import { returnsCase } from '../domain/lifecycle';
import { CALL_NOTE_LIMIT, Ticks } from '../domain/screened-call';
import { CallbackOutcome, ScreenDisposition } from '../domain/screening';
import { Urgency } from '../domain/reference';
import { Identifier } from './protocol';
import { Actor, EventActor } from './actor';

export { Actor, EventActor } from './actor';
import { AlarmLevel } from '../domain/alarm';
import { CallbackEntry, CaseClosedEvent, CaseReopenedEvent, Reopens } from './closing-messages';
import { RULES_ERROR_CODES } from '../domain/center-rules';
import { routingChangedBody, targetsChangedBody } from './rules-messages';
import { CalendarAckedFields } from './alarms-messages';

export { AlarmAck, CaseAssign, CaseEscalate, CaseReroute } from './supervisor-messages';
export { CaseClose } from './closing-messages';
export { ExportLogged } from './export-messages';
export { CalendarAck } from './alarms-messages';

export const HubErrorCode = z.enum([
  'protocol.unknown_message',
  'protocol.invalid',
  /** The message's id was already used by another message type or another sender. */
  'protocol.id_reused',
  /** The desk speaks a protocol older than the hub's minimum: Sigap there needs updating. */
  'protocol.desk_outdated',
  /** The actor in the message is not the identity of the connection's token. */
  'auth.actor_mismatch',
  /** The dispatch belongs to another OPD (or the call to another desk). */
  'auth.not_yours',
  'case.unknown',
  /** A case.upsert made on a seq the hub has not reached (its record is older than the desk's). */
  'case.base_seq_ahead',
  'opd.unknown',
  'dispatch.unknown',
  'dispatch.conflict',
  'transition.illegal',
  /** Only a supervisor sets or lifts a soft block, or manages accounts and reads the audit log. */
  'auth.not_supervisor',
  /** The person's token is missing, unknown or expired: sign in again with the hub reachable. */
  'auth.token_invalid',
  /** The person's account is disabled. */
  'auth.account_disabled',
  /** Wrong username or password at the hub (never says which). */
  'auth.bad_credentials',
  /** The first supervisor is made only on a hub with no accounts. */
  'account.exists',
  'account.username_taken',
  'account.unknown',
  /** The last enabled supervisor, or the supervisor's own account, cannot be disabled. */
  'account.last_supervisor',
  /** No soft block with that id. */
  'block.unknown',
  /** A dispatch already accepted, resolved or withdrawn cannot be re-routed or escalated. */
  'dispatch.not_stuck',
  /** Re-routing to the OPD that already has the dispatch. */
  'dispatch.same_opd',
  /** No desk with that id at this hub. */
  'desk.unknown',
  /** A signed report whose snapshot does not give the hash it came with. */
  'report.bad_hash',
  /** Only a resolved case is closed, and only a resolved or closed one reopened. */
  'case.not_resolved',
  ...RULES_ERROR_CODES,
  'internal',
]);
export type HubErrorCode = z.infer<typeof HubErrorCode>;

export type HubAck<T> =
  ({ ok: true } & T) | { ok: false; error: { code: HubErrorCode; message: string } };

/**
 * The case fields a desk replicates to the hub. Free text keeps the intake limits. The hub
 * takes only these (`CaseFields`); events may carry fields a newer hub knows (`EventCaseFields`).
 */
export const EventCaseFields = z
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
  .partial();
export const CaseFields = EventCaseFields.strict();
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
const NoteEntry = z.object({ kind: z.literal('note'), text: EntryText });
/**
 * A later caller about the same incident joined the case (a duplicate report): the call
 * that joined, and who called. `text` is the timeline's line for desks that read no more.
 */
const CoReporterEntry = z.object({
  kind: z.literal('co_reporter'),
  text: EntryText,
  callId: Uuid,
  callerName: z.string().max(LIMITS.callerName),
  /** Normalized number; null when withheld. */
  callerNumber: z.string().max(LIMITS.number).nullable(),
});
const CalledEntry = z.object({ kind: z.literal('opd_called'), dispatchId: Uuid, text: EntryText });
export const CaseEntry = z.union([
  NoteEntry.strict(),
  CoReporterEntry.strict(),
  CalledEntry.strict(),
  CallbackEntry.strict(),
]);
export type CaseEntry = z.infer<typeof CaseEntry>;
/** Co-reporters logged before they carried their call are a line of text only. */
const EventCaseEntry = z.union([
  NoteEntry,
  CoReporterEntry.partial({ callId: true, callerName: true, callerNumber: true }),
  CalledEntry,
  CallbackEntry,
]);

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

/**
 * A call that opened no case (prank, silent, …): shared caller history and counts. `at` is
 * when it started. The fields after `callerNumber` came later: a desk that predates them
 * sends none, and the hub stores what it got.
 */
const LoggedCall = z.object({
  callId: Uuid,
  at: EpochMs,
  disposition: ScreenDisposition,
  /** Normalized; null when withheld or unreadable (`withheld` tells which). */
  callerNumber: z.string().max(LIMITS.number).nullable(),
  endedAt: EpochMs.optional(),
  withheld: z.boolean().optional(),
  note: z.string().max(CALL_NOTE_LIMIT).optional(),
  ticks: Ticks.optional(),
  /** A silent call called back; `caseId`: the case its genuine caller then reported. */
  callback: z.object({ outcome: CallbackOutcome, at: EpochMs, caseId: Uuid.optional() }).optional(),
});
/**
 * Idempotent on `callId`; a later state of the same call (its callback) is sent again with
 * the whole call and a `changeId` of its own, and replaces the hub's copy.
 */
export const CallLog = LoggedCall.extend({ changeId: Uuid.optional(), actor: Actor }).strict();
/** As the hub pushes it: with the desk and the operator who screened it. */
const EventLoggedCall = LoggedCall.extend({
  desk: Identifier.optional(),
  operator: z.string().max(120).optional(),
});

/**
 * A supervisor sets a soft block on a number (a banner on every desk, never a refusal at
 * the line). `personToken` is the token the hub gave the supervisor at sign-in; without a
 * valid one the hub refuses. `personRole` is what desks before tokens sent: it is ignored.
 */
export const CallerBlock = z
  .object({
    blockId: Uuid,
    number: BlockNumber,
    reason: z.string().trim().min(1).max(BLOCK_REASON_MAX),
    until: EpochMs,
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

/** A supervisor lifts a soft block, manual or automatic. Idempotent on `unblockId`. */
export const CallerUnblock = z
  .object({
    unblockId: Uuid,
    blockId: Uuid,
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

/** The most a signed report's snapshot may weigh on the wire (canonical JSON, characters). */
export const REPORT_SNAPSHOT_MAX = 900_000;

/**
 * A desk's signed shift or daily report, kept at the hub as it was signed (the snapshot's
 * canonical JSON and its SHA-256). Idempotent on `reportId`; `offline`: signed while the
 * hub was unreachable, sent later by the outbox. Only a supervisor's desk sends one.
 */
export const ReportSignMessage = z
  .object({
    reportId: Uuid,
    kind: z.enum(['shift', 'day']),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    shiftId: z.string().max(20).nullable(),
    periodStart: EpochMs,
    periodEnd: EpochMs,
    snapshot: z.string().min(2).max(REPORT_SNAPSHOT_MAX),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    signedAt: EpochMs,
    signerName: z.string().min(1).max(120),
    offline: z.boolean(),
    /** The signing supervisor's token; `personRole` (older desks) is ignored. */
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

export const DispatchRequest = z
  .object({ dispatchId: Uuid, caseId: Uuid, opdId: Identifier, ...Reopens, actor: Actor })
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
  .refine((t) => !returnsCase(t.to) || t.note.length > 0, {
    message: 'returning a dispatch (bukan wewenang) needs a reason',
    path: ['note'],
  });

export const SyncRequest = z
  .object({
    sinceSeq: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .strict();

/** What every event carries; the rest depends on `type`. */
const eventBase = { seq: z.number().int().positive(), at: EpochMs, actor: EventActor };

export const HubEvent = z.discriminatedUnion('type', [
  /** A case's fields changed (the first change of a case opens it). */
  z.object({
    ...eventBase,
    type: z.literal('case.changed'),
    caseId: Uuid,
    fields: EventCaseFields,
  }),
  /** A later edit replaced these values of the case (what they were). */
  z.object({
    ...eventBase,
    type: z.literal('case.conflict'),
    caseId: Uuid,
    fields: EventCaseFields,
    note: z.string().max(1000).optional(),
  }),
  /** `holder`: the desk that edits the case from now on. */
  z.object({ ...eventBase, type: z.literal('case.claimed'), caseId: Uuid, holder: Identifier }),
  z.object({ ...eventBase, type: z.literal('case.appended'), caseId: Uuid, entry: EventCaseEntry }),
  z.object({
    ...eventBase,
    type: z.literal('dispatch.status'),
    caseId: Uuid,
    dispatchId: Uuid,
    opdId: Identifier,
    status: DispatchStatus,
    note: z.string().max(1000).optional(),
    ...Reopens,
  }),
  /** A call that opened no case; concerns no case. */
  z.object({ ...eventBase, type: z.literal('call.logged'), call: EventLoggedCall }),
  /**
   * A soft block set (`liftedAt` null) or lifted, on every desk. `actor`: the supervisor who
   * set or lifted it, or for an automatic block the desk whose call reached the count.
   */
  z.object({
    ...eventBase,
    type: z.literal('caller.flag'),
    blockId: Uuid,
    number: BlockNumber,
    kind: BlockKind,
    reason: z.string().max(BLOCK_REASON_MAX),
    setAt: EpochMs,
    until: EpochMs,
    liftedAt: EpochMs.nullable(),
  }),
  /** A supervisor acknowledged an alarm: every supervisor sees who, and when (`at`). */
  z.object({
    ...eventBase,
    type: z.literal('alarm.acked'),
    caseId: Uuid,
    dispatchId: Uuid,
    level: AlarmLevel,
    arming: z.number().int().nonnegative(),
  }),
  /** A supervisor escalated a dispatch: a note to its OPD; its alarm is re-armed from `at`. */
  z.object({
    ...eventBase,
    type: z.literal('dispatch.escalated'),
    caseId: Uuid,
    dispatchId: Uuid,
    opdId: Identifier,
    note: z.string().max(1000),
  }),
  /** An account was made or changed at the hub (every desk keeps a replica, hashes only). */
  z.object({ ...eventBase, type: z.literal('account.changed'), account: AccountRecord }),
  CaseClosedEvent,
  CaseReopenedEvent,
  /** A supervisor published a new routing table or new category targets (rules-messages.ts). */
  z.object({ ...eventBase, ...routingChangedBody }),
  z.object({ ...eventBase, ...targetsChangedBody }),
  /** A supervisor acknowledged the calendar alarm of a year (alarms-messages.ts). */
  z.object({ ...eventBase, type: z.literal('calendar.acked'), ...CalendarAckedFields }),
]);
export type HubEvent = z.infer<typeof HubEvent>;
export type HubEventType = HubEvent['type'];
/** An event as the hub writes it, before the log gives it its seq. */
export type UnsequencedEvent = HubEvent extends infer E
  ? E extends HubEvent
    ? Omit<E, 'seq'>
    : never
  : never;
