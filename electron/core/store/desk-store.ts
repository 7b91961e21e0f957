/**
 * Builds the desk's store (interface.ts) once from the SQLite connection: every area's
 * prepared statements are made here, at start, and shared by the API handlers and the hub
 * link.
 */
import type { AlarmClocks } from '../../../shared/domain/call-alarm';
import type { DuplicateRules } from '../../../shared/domain/duplicates';
import type { Logger } from '../../../shared/log';
import { createBlockWrites } from './blocks';
import { createCallAlarmReads } from './call-alarms';
import { createCallerHistoryReads } from './caller-history';
import { createCallWrites, createCalls } from './calls';
import { createCaseCallback } from './case-callback';
import { createCaseEdits } from './case-edits';
import { createCaseReplica } from './case-replica';
import { createCaseWrites, readCaseDetail } from './cases';
import type { Store } from './database';
import { createCoReporterWrites } from './co-reporters';
import { createDispatchWrites } from './dispatches';
import { createDuplicateReads } from './duplicates';
import { createDrafts } from './drafts';
import { createHubEvents } from './hub-events';
import type { DeskStore, DispatchRef, OpdRef } from './interface';
import {
  applyAccount,
  countOperators,
  findOperatorForSignIn,
  isEnabled,
  listAccounts,
} from './operators';
import { createOutbox } from './outbox';
import { queryQueue } from './queue';
import { replayable } from './replayable';
import { createReportReads } from './report-reads';
import { createSignedReports } from './signed-reports';
import { createReview } from './review';
import { readLanguage, writeLanguage } from './settings';
import { createSupervision } from './supervision';
import { createCenterRules } from './center-rules';

export function createDeskStore(
  db: Store,
  deskId: string,
  log: Logger,
  rules: {
    duplicates: DuplicateRules;
    /** A number's keyed hash, as retention stores it (retention.ts). */
    hashOf: (e164: string) => string;
    /** The clocks' rules by category (the defaults without them): alarms read them. */
    clocks?: AlarmClocks;
  },
): DeskStore {
  const outbox = createOutbox(db);
  const dispatchWrites = createDispatchWrites(db, outbox);
  const caseWrites = createCaseWrites(db, outbox);
  const edits = createCaseEdits(db, outbox, dispatchWrites, deskId);
  const drafts = createDrafts(db);
  const callWrites = createCallWrites(db, outbox, deskId, drafts);
  const calls = createCalls(db);
  const blocks = createBlockWrites(db, outbox);
  const review = createReview(db);
  const supervision = createSupervision(db, rules.clocks);
  const centerRules = createCenterRules(db);
  const events = createHubEvents(
    db,
    createCaseReplica(db, outbox, deskId, log.child('replica')),
    dispatchWrites,
    callWrites,
    blocks,
    supervision,
    centerRules,
  );
  const caseExists = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM cases WHERE id = ?',
  );
  const dispatchesOf = db.prepare<[string], DispatchRef>(
    'SELECT id AS dispatchId, opd_id AS opdId, status FROM dispatches WHERE case_id = ? ORDER BY created_at, id',
  );

  /**
   * The case and its dispatches commit together or not at all: a crash can never leave a
   * case saved that the operator sent with Alt+K but that no OPD will ever get.
   */
  const saveAndDispatch = db.transaction(
    (
      input: Parameters<typeof caseWrites.save>[0],
      opds: readonly OpdRef[],
      callbackOf?: string,
      reopenedCallId?: string,
    ) => {
      const saved = caseWrites.save(input);
      // A retried save changes nothing: its dispatches were made with the first one.
      if (saved.duplicate) return { ...saved, dispatches: dispatchesOf.all(saved.caseId) };
      if (reopenedCallId) {
        review.linkReopened({
          callId: reopenedCallId,
          caseId: saved.caseId,
          operatorId: input.operatorId,
          at: input.endedAt,
        });
      }
      if (callbackOf) {
        callWrites.linkCallbackCase(
          callbackOf,
          saved.callId,
          saved.caseId,
          input.actor,
          input.endedAt,
        );
      }
      const dispatches =
        opds.length > 0
          ? dispatchWrites.dispatch(
              saved.caseId,
              opds,
              input.actor,
              input.operatorId,
              input.endedAt,
            )
          : [];
      return { ...saved, dispatches };
    },
  );

  return {
    cases: {
      save: saveAndDispatch,
      exists: (caseId) => caseExists.get(caseId) !== undefined,
      detail: (caseId, now) => readCaseDetail(db, caseId, deskId, now, rules.clocks),
      queue: (query) => queryQueue(db, query),
      update: edits.update,
      claim: edits.claim,
      note: edits.note,
      cancel: edits.cancel,
      callback: createCaseCallback(db, outbox, dispatchWrites),
    },
    calls: {
      ...calls,
      screen: callWrites.screen,
      callback: callWrites.callback,
    },
    callers: createCallerHistoryReads(db, rules.hashOf),
    blocks,
    review,
    retention: {
      retire: db.transaction((cutoff: number): number => {
        const retired = calls.retire(rules.hashOf, cutoff);
        for (const { number, hashed } of retired.numbers) {
          blocks.hashExpired(number, hashed, cutoff);
        }
        outbox.dropSentCallLogs(cutoff);
        return retired.calls;
      }),
    },
    duplicates: {
      reads: createDuplicateReads(db, rules.duplicates),
      writes: createCoReporterWrites(db, outbox),
    },
    dispatches: { ...dispatchWrites, ofCase: (caseId) => dispatchesOf.all(caseId) },
    outbox,
    replica: { ...events, atomically: (fn) => replayable(db, () => events.batch(fn)) },
    drafts,
    operators: {
      forSignIn: (username) => findOperatorForSignIn(db, username),
      isEnabled: (id) => isEnabled(db, id),
      list: () => listAccounts(db),
      apply: (account, now) => applyAccount(db, account, now),
      count: () => countOperators(db),
    },
    settings: {
      language: () => readLanguage(db),
      setLanguage: (language, now) => writeLanguage(db, language, now),
    },
    alarms: createCallAlarmReads(db, rules.clocks),
    supervision,
    reports: { reads: createReportReads(db), signed: createSignedReports(db, outbox) },
    centerRules,
  };
}
