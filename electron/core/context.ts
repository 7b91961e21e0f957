/**
 * What handlers may use: the store and its prepared writes, the clock, events. Who is signed
 * in is not here: it belongs to the calling screen and comes with each call (see session.ts).
 */
import type { AppStatus, ConsoleEvent } from '../../shared/api/contract';
import type { ReferenceData } from '../../shared/domain/reference';
import type { RetentionRules } from '../../shared/domain/retention';
import type { Logger } from '../../shared/log';
import type { CallAlarmMonitor } from './call-alarm-monitor';
import type { BlockWrites } from './store/blocks';
import type { CallAlarmReads } from './store/call-alarms';
import type { CaseEdits } from './store/case-edits';
import type { CallWrites } from './store/calls';
import type { CaseWrites } from './store/cases';
import type { DispatchWrites } from './store/dispatches';
import type { CallerLookup } from './screening/caller-lookup';
import type { Store } from './store/database';

export interface CoreContext {
  store: Store;
  cases: CaseWrites;
  /** Calls that opened no case: screened here, or on other desks. */
  calls: CallWrites;
  dispatches: DispatchWrites;
  edits: CaseEdits;
  blocks: BlockWrites;
  /** How long numbers of calls without a case are kept (resources/data/screening.json). */
  retention: RetentionRules;
  /** The forms a normalized number is stored in: itself, and its hash after retention. */
  numberKeys(e164: string): string[];
  /** "Telepon OPD": the rule applied to the store, and the red set core keeps watching. */
  alarms: { reads: CallAlarmReads; monitor: CallAlarmMonitor };
  /** The outbox gained a message: send it now, and refresh the status bar. */
  outboxChanged(): void;
  log: Logger;
  deskId: string;
  now(): number;
  status(): AppStatus;
  /** Tell subscribers that something in AppStatus changed. */
  statusChanged(): void;
  emit(event: ConsoleEvent): void;
  reference(): ReferenceData;
  /** Caller history and prank likelihood (read only). */
  lookupCaller: CallerLookup;
}
