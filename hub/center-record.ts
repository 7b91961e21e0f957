/**
 * The center's record, kept by the hub: case operations (case-operations.ts), dispatch
 * operations (dispatch-operations.ts), soft blocks (block-operations.ts) and the event log every desk replays (event-log.ts),
 * behind one object. Every operation is one transaction, and every idempotent message is
 * applied once (applied-answers.ts): a repeat gets its first answer and changes nothing.
 */
import type { BlockRules } from '../shared/domain/blocks';
import { createAppliedAnswers } from './applied-answers';
import { createBlockOperations } from './block-operations';
import { createCaseOperations } from './case-operations';
import { createDispatchOperations } from './dispatch-operations';
import { createEventLog } from './event-log';
import { createReportOperations } from './report-operations';
import type { HubStore } from './store/database';

export type { Outcome } from './applied-answers';

export function createCenterRecord(
  db: HubStore,
  opdIds: ReadonlySet<string>,
  now: () => number = Date.now,
  /** The automatic block rule; without it only supervisors set blocks. */
  blockRules?: BlockRules,
) {
  const { once } = createAppliedAnswers(db);
  const eventLog = createEventLog(db);
  const cases = createCaseOperations(db, eventLog, once, now);
  return {
    ...cases.operations,
    ...createDispatchOperations(db, eventLog, once, cases.lookup, opdIds, now),
    ...blockOperations(db, eventLog, once, blockRules, now),
    ...createReportOperations(db, once, now),
    sync: eventLog.sync,
  };
}

function blockOperations(
  db: HubStore,
  eventLog: ReturnType<typeof createEventLog>,
  once: ReturnType<typeof createAppliedAnswers>['once'],
  rules: BlockRules | undefined,
  now: () => number,
) {
  // A count no window reaches: the rule is off, supervisors' blocks still work.
  const off = { count: 1000, windowMinutes: 1 };
  const ops = createBlockOperations(
    db,
    eventLog,
    once,
    rules ?? { prank: off, silent: off, autoHours: 24 },
    now,
  );
  return { block: ops.block, unblock: ops.unblock, blockAfterCall: ops.afterCall };
}

export type CenterRecord = ReturnType<typeof createCenterRecord>;
