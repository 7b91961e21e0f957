/**
 * The desk's store as the rest of core sees it: one typed interface per area. API handlers
 * and the hub link get these (built once by desk-store.ts), never the SQLite connection;
 * each table is written by the one module that owns it (tests/lint/table-writers.test.ts).
 */
import type { AccountRecord, AccountSummary } from '../../../shared/domain/account';
import type { z } from 'zod';
import type { Language } from '../../../shared/api/contract';
import type { Operator } from '../../../shared/domain/case';
import type { CaseEdit } from '../../../shared/domain/case-edit';
import type { CallbackNote } from '../../../shared/domain/closing';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import type { Draft, DraftForm } from '../../../shared/domain/intake';
import type { QueuePage, QueueQuery, StoredCaseDetail } from '../../../shared/domain/queue';
import type { Actor, HubEvent } from '../../../shared/hub/messages';
import type { CallbackRecorded, CallScreened } from '../../../shared/domain/screened-call';
import type { CallbackOutcome } from '../../../shared/domain/screening';
import type { CallAlarmReads } from './call-alarms';
import type { BlockWrites } from './blocks';
import type { CallerHistoryReads } from './caller-history';
import type { CoReporterWrites } from './co-reporters';
import type { DuplicateReads } from './duplicates';
import type { ScreenInput } from './calls';
import type { Who } from './case-edits';
import type { SavedIntake, SaveIntakeInput } from './cases';
import type { ApplyResult } from './hub-events';
import type { ReportReads } from './report-reads';
import type { Review } from './review';
import type { Supervision } from './supervision';
import type { CenterRules } from './center-rules';
import type { SignedReports } from './signed-reports';
import type { OutboxKind, OutboxPayload, OutboxRow } from './outbox';

export type { Who, SavedIntake, SaveIntakeInput };

/** An OPD a case is sent to, with the short name its timeline line shows. */
export interface OpdRef {
  id: string;
  short: string;
}

/** A dispatch as the console shows it right after it was made. */
export interface DispatchRef {
  dispatchId: string;
  opdId: string;
  status: DeskDispatchStatus;
}

export interface CasesStore {
  /**
   * Saves a call as a new case and queues its dispatches to `dispatchTo` in the same
   * commit. A retried save (same call id) writes nothing and answers with the first one.
   */
  save(
    input: SaveIntakeInput,
    dispatchTo: readonly OpdRef[],
    /** The silent call this call returned, when its caller proved genuine. */
    callbackOf?: string,
    /** The screened call a supervisor reopens as this case. */
    reopenedCallId?: string,
  ): SavedIntake & {
    dispatches: DispatchRef[];
  };
  exists(caseId: string): boolean;
  /** The case with its calls, timeline and dispatches; `now` decides which need a call. */
  detail(caseId: string, now: number): StoredCaseDetail | undefined;
  /** One page of the queue: filters, sort, search and paging answered by SQLite. */
  queue(query: z.output<typeof QueueQuery>): QueuePage;
  /** Edits fields of a case this desk holds; false when nothing changed. */
  update(caseId: string, edit: CaseEdit, who: Who): boolean;
  /** Takes the case over from another desk; false when this desk holds it already. */
  claim(caseId: string, who: Who): boolean;
  note(caseId: string, text: string, who: Who): void;
  /** Cancels the case; answers how many dispatches are withdrawn at the hub. */
  cancel(caseId: string, reason: string, who: Who): number;
  /**
   * The reporter called back about the resolved or closed case; not fixed: it reopens, and
   * the new dispatches (one per OPD that resolved it) are answered.
   */
  callback(
    caseId: string,
    callback: CallbackNote,
    who: Who,
  ): Array<{ dispatchId: string; opdId: string }>;
}

export interface CallsStore {
  /** The saved call with this id and the case it opened. */
  find(callId: string): { caseId: string; endedAt: number } | undefined;
  isSaved(callId: string): boolean;
  /** The operator ended a call with a disposition and no case: kept, queued for the hub. */
  screen(input: ScreenInput): CallScreened;
  /** How calling a silent caller back went. */
  callback(callId: string, outcome: CallbackOutcome, actor: Actor, now: number): CallbackRecorded;
}

export interface DispatchesStore {
  /** Dispatches of a case, oldest first. */
  ofCase(caseId: string): DispatchRef[];
  dispatch(
    caseId: string,
    opds: readonly OpdRef[],
    actor: Actor,
    operatorId: string,
    now: number,
  ): DispatchRef[];
  /** An operator phoned the OPD about a dispatch; answers the dispatch's case. */
  called(dispatchId: string, operatorId: string, actor: Actor, now: number): string;
  /** The hub acknowledged the dispatch. */
  atHub(dispatchId: string, hubSeq: number, now: number): boolean;
  /** The hub refused it for good, with its code. */
  refused(dispatchId: string, code: string, now: number): boolean;
  /** A dispatch status event from the hub, in seq order. */
  fromHub(event: Extract<HubEvent, { type: 'dispatch.status' }>, now: number): void;
  calledElsewhere(dispatchId: string, caseId: string, at: number): void;
  openOf(caseId: string): Array<{ id: string; status: DeskDispatchStatus }>;
  withdrawLocal(dispatchId: string, now: number, reason: string): boolean;
}

export interface OutboxStore {
  /** Call inside the transaction that makes the change the message carries. */
  enqueue<K extends OutboxKind>(
    kind: K,
    messageId: string,
    payload: OutboxPayload<K>,
    now: number,
  ): void;
  pendingChanges(caseId: string, appliedSeq: number): Array<Record<string, unknown>>;
  hasUnsentUpsert(caseId: string): boolean;
  setHubSeq(id: number, seq: number): void;
  /** The oldest `limit` messages still for the hub, after outbox id `afterId`. */
  pending(limit: number, afterId?: number): OutboxRow[];
  markSent(id: number, now: number): void;
  markRefused(id: number, code: string, message: string, now: number): void;
  markFailed(id: number, error: string, now: number): void;
  /** What waits for the hub, counted as the status bar shows it. */
  stats(): {
    waiting: number;
    oldest: number | null;
    cases: number;
    calls: number;
    dispatches: number;
  };
}

/** This desk's replica of the center's record: the hub's events, applied in seq order. */
export interface ReplicaStore {
  lastSeq(): number;
  apply(event: HubEvent, now: number): ApplyResult;
  /** An event this desk cannot use still takes its place in the hub's order. */
  pass(seq: number): ApplyResult;
  /** The hub settled one of this desk's case changes: show the case as it now stands. */
  changeSettled(caseId: string, now: number): void;
  /** Runs `fn` in one commit that does not wait for the disk (see replayable.ts). */
  atomically<T>(fn: () => T): T;
}

export interface DraftsStore {
  write(
    operatorId: string,
    draft: { callId: string; startedAt: number; form: DraftForm },
    now: number,
  ): void;
  list(operatorId: string): Draft[];
  latest(operatorId: string): Draft | null;
  discard(operatorId: string, callId?: string): void;
}

export interface OperatorsStore {
  /** The account signing in under this username, with its password hash. */
  forSignIn(
    username: string,
  ): { operator: Operator; passwordHash: string; enabled: boolean } | undefined;
  /** Whether the account may act now (false: disabled, or not in the replica). */
  isEnabled(id: string): boolean;
  /** Every account of the replica, for a supervisor's list (no hashes). */
  list(): AccountSummary[];
  /** An account as the hub answered with it (a sign-in, a supervisor's change). */
  apply(account: AccountRecord, now: number): void;
  /** How many accounts the replica has (none: the first start asks for a supervisor). */
  count(): number;
}

export interface SettingsStore {
  language(): Language;
  setLanguage(language: Language, now: number): void;
}

/** Everything core does with the desk's store, area by area. */
export interface DeskStore {
  cases: CasesStore;
  calls: CallsStore;
  /** Caller history by normalized number, for screening (read only). */
  callers: CallerHistoryReads;
  /** Soft blocks on numbers: read, set and lifted here, and as the hub's caller.flag says. */
  blocks: BlockWrites;
  /** The supervisor's review of screened calls. */
  review: Review;
  /** UU PDP: numbers of calls without a case become their hash after the retention period. */
  retention: { retire(cutoff: number): number };
  /** Duplicate reports: suggestions while recording, and joining a case as a co-reporter. */
  duplicates: { reads: DuplicateReads; writes: CoReporterWrites };
  dispatches: DispatchesStore;
  outbox: OutboxStore;
  replica: ReplicaStore;
  drafts: DraftsStore;
  operators: OperatorsStore;
  settings: SettingsStore;
  /** "Telepon OPD": which dispatches need a phone call now. */
  alarms: CallAlarmReads;
  /** Supervisors' alarms: raised ones with their acknowledgements, and escalations. */
  supervision: Supervision;
  /** Shift and daily reports: their figures (read only) and the signed reports kept here. */
  reports: { reads: ReportReads; signed: SignedReports };
  /** The routing table and category targets the hub published (none: the files'). */
  centerRules: Omit<CenterRules, 'fromEvent'>;
}
