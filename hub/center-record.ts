/**
 * The center's record, kept by the hub: case operations (case-operations.ts), dispatch
 * operations (dispatch-operations.ts) and the event log every desk replays (event-log.ts),
 * behind one object. Every operation is one transaction, and every idempotent message is
 * applied once (applied-answers.ts): a repeat gets its first answer and changes nothing.
 */
import { createAppliedAnswers } from './applied-answers';
import { createCaseOperations } from './case-operations';
import { createDispatchOperations } from './dispatch-operations';
import { createEventLog } from './event-log';
import type { HubStore } from './store/database';

export type { Outcome } from './applied-answers';

export function createCenterRecord(
  db: HubStore,
  opdIds: ReadonlySet<string>,
  now: () => number = Date.now,
) {
  const { once } = createAppliedAnswers(db);
  const eventLog = createEventLog(db);
  const cases = createCaseOperations(db, eventLog, once, now);
  return {
    ...cases.operations,
    ...createDispatchOperations(db, eventLog, once, cases.lookup, opdIds, now),
    sync: eventLog.sync,
  };
}

export type CenterRecord = ReturnType<typeof createCenterRecord>;
