/**
 * The console API contract: every call the UI may make to the console backend, and every
 * event the backend pushes to the UI, each with its zod schemas. Both transports (the
 * browser host's HTTP/WebSocket and Electron IPC) are bound from this one table.
 */
import { z } from 'zod';
import { Operator, Uuid } from '../domain/case';
import { Block, BLOCK_REASON_MAX } from '../domain/blocks';
import { CancelReason, CaseEdit, CaseNote } from '../domain/case-edit';
import { CaseJoin, DuplicateQuery, DuplicateSuggestion } from '../domain/duplicates';
import { CallCallback, CallScreen, CallScreened, CallbackRecorded } from '../domain/screened-call';
import { Draft, DraftForm, IntakeSave, LIMITS } from '../domain/intake';
import { CaseDetail, QueuePage, QueueQuery } from '../domain/queue';
import {
  ReportFile,
  ReportRequest,
  ReportSign,
  ReportSnapshot,
  SignedReport,
} from '../domain/report';
import { ReviewPage, ReviewQuery } from '../domain/review';
import { ReferenceData } from '../domain/reference';
import { DeskDispatchStatus } from '../domain/dispatch';
import { Identifier } from '../hub/protocol';
import { accountsContract } from './accounts-contract';
import { Tick } from '../domain/screening';
import { Dashboard } from '../domain/dashboard/model';
import { CallerHistory } from '../domain/screening/history';
import { Likelihood } from '../domain/screening/reasons';
import { exportContract, exportEvents } from './export-contract';
import { superviseContract } from './supervise-contract';
import { closingContract } from './closing-contract';
import { rulesContract } from './rules-contract';

export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

export const HubLinkState = z.enum([
  /** No hub URL configured: the desk works alone. */
  'not_configured',
  'connecting',
  'online',
  'offline',
  /** The hub refused this desk's token; retrying will not help until it is fixed. */
  'refused',
  /** The hub serves only newer desks: Sigap on this desk needs updating. */
  'outdated',
]);
export type HubLinkState = z.infer<typeof HubLinkState>;

export const HubStatus = z.object({
  url: z.string().nullable(),
  state: HubLinkState,
  /** UTC epoch ms of the last state change. */
  since: z.number().int(),
  /** A short reason for `offline` or `refused`, for the operator and IT staff. */
  detail: z.string().optional(),
  /**
   * When SIGAP_HUB_URL lists several hub nodes: the one this desk is on or last tried, as
   * host:port, so IT staff see which node a desk uses.
   */
  node: z.string().optional(),
});
export type HubStatus = z.infer<typeof HubStatus>;

export const AppStatus = z.object({
  version: z.string(),
  mode: z.enum(['browser', 'desktop']),
  storePath: z.string(),
  language: Language,
  hub: HubStatus,
  /**
   * Messages for the hub not yet acknowledged, and since when the oldest waits; and what
   * they carry, in the operator's terms: cases with a change waiting (new, edited, noted,
   * cancelled), calls without a case, and dispatches (sent or withdrawn).
   */
  outbox: z.object({
    waiting: z.number().int().nonnegative(),
    oldestAt: z.number().int().nullable(),
    cases: z.number().int().nonnegative(),
    calls: z.number().int().nonnegative(),
    dispatches: z.number().int().nonnegative(),
  }),
  /** Dispatches that need a phone call to their OPD now ("2 perlu telepon OPD"). */
  callAlarms: z.number().int().nonnegative(),
});
export type AppStatus = z.infer<typeof AppStatus>;

const NoArgs = z.object({}).strict();

const CallAlarm = z.object({
  dispatchId: Uuid,
  caseId: Uuid,
  opdId: z.string(),
  holderDesk: z.string(),
  createdAt: z.number().int(),
});

/** A dispatch just written to this desk's outbox. */
const DispatchMade = z.object({ dispatchId: Uuid, opdId: z.string(), status: DeskDispatchStatus });

export const contract = {
  'app.status': { args: NoArgs, result: AppStatus },
  'app.setLanguage': {
    args: z.object({ language: Language }).strict(),
    result: z.object({ language: Language }),
  },
  /** Who is signed in on the calling screen (this tab or window); other screens have their own. */
  'auth.session': {
    args: NoArgs,
    result: z.object({ operator: Operator.nullable(), deskId: z.string() }),
  },
  'auth.signIn': {
    args: z
      .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
      .strict(),
    result: z.object({ operator: Operator }),
  },
  'auth.signOut': { args: NoArgs, result: z.object({}) },
  'reference.get': { args: NoArgs, result: ReferenceData },
  /** Saves a call as a case and, with `dispatchTo`, queues its dispatches in the same commit. */
  'intake.save': {
    args: IntakeSave,
    result: z.object({
      caseId: Uuid,
      callId: Uuid,
      savedAt: z.number().int(),
      duplicate: z.boolean(),
      dispatches: z.array(DispatchMade),
    }),
  },
  /**
   * Ends a call with a disposition (iseng, panggilan kosong, …): stored with its note and
   * ticks and queued for the hub; no case is opened. Idempotent on `callId`.
   */
  'call.screen': { args: CallScreen, result: CallScreened },
  /** How calling a silent caller back went (no answer, genuine, prank). */
  'call.callback': { args: CallCallback, result: CallbackRecorded },
  'draft.save': {
    args: z.object({ callId: Uuid, startedAt: z.number().int(), form: DraftForm }).strict(),
    result: z.object({ savedAt: z.number().int() }),
  },
  /** The operator's most recently typed draft. */
  'draft.get': { args: NoArgs, result: z.object({ draft: Draft.nullable() }) },
  /** Every draft of the operator (calls put aside by a new call too), newest first. */
  'draft.list': { args: NoArgs, result: z.object({ drafts: z.array(Draft) }) },
  /** One call's draft, or all of the operator's when no call is named. */
  'draft.discard': { args: z.object({ callId: Uuid.optional() }).strict(), result: z.object({}) },
  'queue.list': { args: QueueQuery, result: QueuePage },
  /** Open cases that are probably the incident being recorded, most likely first. */
  'case.duplicates': {
    args: DuplicateQuery,
    result: z.object({ suggestions: z.array(DuplicateSuggestion) }),
  },
  /**
   * Ends the call as a co-reporter of an open case (Alt+G): the call is stored with that
   * case, nothing is dispatched. Idempotent on the call id.
   */
  'case.join': {
    args: CaseJoin,
    result: z.object({
      caseId: Uuid,
      callId: Uuid,
      joinedAt: z.number().int(),
      duplicate: z.boolean(),
      reporters: z.number().int().positive(),
    }),
  },
  'case.get': { args: z.object({ caseId: Uuid }).strict(), result: CaseDetail },
  'case.dispatch': {
    args: z.object({ caseId: Uuid, opdIds: z.array(Identifier).min(1).max(5) }).strict(),
    result: z.object({ dispatches: z.array(DispatchMade) }),
  },
  /** Edits the case's fields (the desk must hold the case). */
  'case.update': {
    args: z.object({ caseId: Uuid, edit: CaseEdit }).strict(),
    result: z.object({ changed: z.boolean() }),
  },
  /** This desk takes the case over from the desk that holds it. */
  'case.claim': {
    args: z.object({ caseId: Uuid }).strict(),
    result: z.object({ claimed: z.boolean() }),
  },
  'case.note': {
    args: z.object({ caseId: Uuid, text: CaseNote }).strict(),
    result: z.object({}),
  },
  /** The operator phoned the OPD about a dispatch in trouble: "Telepon OPD" goes quiet. */
  'dispatch.called': {
    args: z.object({ dispatchId: Uuid }).strict(),
    result: z.object({}),
  },
  /** Every dispatch that needs a phone call now, the longest waiting first (Alt+T walks them). */
  'alarms.list': {
    args: NoArgs,
    result: z.object({ alarms: z.array(CallAlarm) }),
  },
  /** Cancels the case and withdraws its open dispatches. */
  'case.cancel': {
    args: z.object({ caseId: Uuid, reason: CancelReason }).strict(),
    result: z.object({ withdrawn: z.number().int().nonnegative() }),
  },
  /**
   * The caller history and prank likelihood of a number as typed (normalized by core), with
   * what the operator has ticked so far. Read only: it never blocks a save or hides a call.
   */
  'caller.lookup': {
    args: z
      .object({
        number: z.string().max(40),
        withheld: z.boolean(),
        ticks: z
          .array(Tick)
          .max(4)
          .refine((t) => new Set(t).size === t.length, 'each tick at most once'),
      })
      .strict(),
    result: z.object({ history: CallerHistory, likelihood: Likelihood }),
  },
  /** The soft block in force on a number now, for the intake's banner (any operator). */
  'caller.activeBlock': {
    args: z.object({ number: z.string().max(LIMITS.number) }).strict(),
    result: z.object({ block: Block.nullable() }),
  },
  /** A supervisor sets a soft block on a number for every desk: a banner, never a refusal. */
  'caller.block': {
    args: z
      .object({
        number: z.string().trim().min(1).max(LIMITS.number),
        reason: z.string().trim().min(1, 'block.reason_required').max(BLOCK_REASON_MAX),
        hours: z
          .number()
          .int()
          .min(1)
          .max(24 * 90),
      })
      .strict(),
    result: z.object({ block: Block }),
  },
  /** A supervisor lifts a soft block (manual or automatic) on every desk. */
  'caller.unblock': { args: z.object({ blockId: Uuid }).strict(), result: z.object({}) },
  /** Supervisors: the screened calls of a shift, filtered, with the retention setting. */
  'review.calls': { args: ReviewQuery, result: ReviewPage },
  /** Supervisors: blocks in force, and those lifted or expired in the last 24 hours. */
  'blocks.list': { args: NoArgs, result: z.object({ blocks: z.array(Block) }) },
  ...exportContract,
  /**
   * Supervisors: the live dashboard now (the hub's, or this desk's partial figures while the
   * hub is unreachable); `dashboard.changed` events follow until `dashboard.close`.
   */
  'dashboard.open': { args: NoArgs, result: z.object({ dashboard: Dashboard }) },
  'dashboard.close': { args: NoArgs, result: z.object({}) },
  /** A call form opened or closed on this screen: the supervisors see the desk on a call. */
  'dashboard.onCall': { args: z.object({ onCall: z.boolean() }).strict(), result: z.object({}) },
  ...superviseContract,
  ...closingContract,
  /** Supervisors: the shift schedule, and the shift running now with the date it began. */
  'report.schedule': {
    args: NoArgs,
    result: z.object({
      shifts: z.array(z.object({ id: z.string(), startMin: z.number().int() })),
      current: z.object({ date: z.string(), shiftId: z.string() }),
    }),
  },
  /** Supervisors: a shift's or day's report figures, cut now (or at its end), with their hash. */
  'report.preview': {
    args: ReportRequest,
    result: z.object({ snapshot: ReportSnapshot, hash: z.string() }),
  },
  /** Supervisors: the same report as a PDF (A4), not signed. */
  'report.pdf': { args: ReportRequest, result: ReportFile },
  /** The incoming supervisor signs the report with their own password on this screen. */
  'report.sign': { args: ReportSign, result: z.object({ report: SignedReport }) },
  /** Supervisors: the signed reports kept at this desk, newest first. */
  'report.signed': { args: NoArgs, result: z.object({ reports: z.array(SignedReport) }) },
  /** Supervisors: a signed report printed again: its stored content, marked "cetak ulang". */
  'report.reprint': { args: z.object({ reportId: Uuid }).strict(), result: ReportFile },
  ...accountsContract,
  ...rulesContract,
} as const;

export const events = {
  'app.status': AppStatus,
  /** A case was added or changed on this desk: queues refresh. */
  'queue.changed': z.object({ caseId: Uuid }),
  /** The center's caller history or its soft blocks changed (a hub event, a supervisor here). */
  'callers.changed': z.object({}),
  /** A dispatch of a case this desk holds just turned red: sound and notify, once. */
  'alarm.raised': CallAlarm,
  ...exportEvents,
  /** New dashboard figures, for the screens showing the dashboard. */
  'dashboard.changed': Dashboard,
  /** A supervisor published a routing table or category targets: read the reference again. */
  'reference.changed': z.object({}),
} as const;

export type Channel = keyof typeof contract;
export type ArgsOf<C extends Channel> = z.input<(typeof contract)[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<(typeof contract)[C]['args']>;
export type ResultOf<C extends Channel> = z.output<(typeof contract)[C]['result']>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type ConsoleEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
