/**
 * The center's record, kept by the hub: case operations (case-operations.ts), dispatch
 * operations (dispatch-operations.ts), soft blocks (block-operations.ts), supervisors' alarm
 * work (alarm-operations.ts), closing and reopening cases (closing-operations.ts), accounts
 * and person tokens (accounts.ts, person-auth.ts), the routing table and category targets
 * (rules-operations.ts), the audit log (audit.ts) and the event log every desk replays
 * (event-log.ts), behind one object. Every operation is one transaction, and every
 * idempotent message is applied once (applied-answers.ts): a repeat gets its first answer
 * and changes nothing.
 */
import type { z } from 'zod';
import type { BlockRules } from '../shared/domain/blocks';
import type { WorkingCalendar } from '../shared/domain/clocks';
import type { CaseAppend, CaseAssign } from '../shared/hub/messages';
import { joined } from '../shared/store/joined';
import type { TokenEntry } from '../shared/hub/protocol';
import { createAlarmOperations } from './alarm-operations';
import { createCalendarAlarmOperations } from './calendar-alarm-operations';
import { createAccounts } from './accounts';
import { createAppliedAnswers } from './applied-answers';
import { createAuditLog, type AuditLog } from './audit';
import { createBlockOperations } from './block-operations';
import { createCaseOperations } from './case-operations';
import { createClosingOperations } from './closing-operations';
import { createDispatchOperations } from './dispatch-operations';
import { createEventLog } from './event-log';
import { createExportOperations } from './export-operations';
import { createPersonAuth, type PersonAuth } from './person-auth';
import { createReportOperations } from './report-operations';
import { loadHubRules } from './rules-reference';
import { createRulesOperations, type HubRules } from './rules-operations';
import type { HubStore } from './store/store';

export type { Outcome } from './applied-answers';

export function createCenterRecord(
  db: HubStore,
  opdIds: ReadonlySet<string>,
  now: () => number = Date.now,
  /** The automatic block rule; without it only supervisors set blocks. */
  blockRules?: BlockRules,
  /** The desks this hub serves (a case is handed only to one of them); all, without it. */
  deskIds?: ReadonlySet<string>,
  /** The holiday calendar resolved cases close by; without it none closes by itself. */
  calendar?: WorkingCalendar,
  /** What published rules are checked against; resources/data's, without it. */
  rules: HubRules = loadHubRules(opdIds),
) {
  const { once } = createAppliedAnswers(db);
  const eventLog = createEventLog(db);
  const cases = createCaseOperations(db, eventLog, once, now);
  const auth = createPersonAuth(db, now);
  const audit = createAuditLog(db);
  const alarms = createAlarmOperations(db, eventLog, once, now, auth, audit);
  const dispatches = createDispatchOperations(
    db,
    eventLog,
    once,
    cases.lookup,
    opdIds,
    now,
    auth,
    audit,
  );
  const closing = createClosingOperations(
    db,
    eventLog,
    once,
    now,
    cases.lookup,
    { auth, audit },
    calendar,
  );
  return {
    ...cases.operations,
    /** A group's dispatches read their cases' OPD copies in one go (group-commit.ts). */
    readAhead: { start: cases.readAheadCopies, drop: cases.dropReadAhead },
    /** An addition to a case; a reporter's "not fixed" callback also reopens it. */
    append: joined(db, (who: TokenEntry, msg: z.output<typeof CaseAppend>) => {
      const outcome = cases.operations.append(who, msg);
      const { entry } = msg;
      if (entry.kind !== 'callback' || entry.fixed || outcome.events.length === 0) return outcome;
      const reopened = closing.reopenOnCallback(msg.caseId, msg.actor, entry.text);
      return { ...outcome, events: [...outcome.events, ...reopened] };
    }),
    assign: (who: TokenEntry, msg: z.output<typeof CaseAssign>) =>
      cases.operations.assign(who, msg, (id) => !deskIds || deskIds.has(id), { auth, audit }),
    ackAlarm: alarms.ackAlarm,
    escalate: alarms.escalate,
    escalationOf: alarms.escalationOf,
    ...createCalendarAlarmOperations(db, eventLog, once, now, auth, audit),
    ...dispatches,
    inbox: (opdId: string) => dispatches.inbox(opdId, alarms.escalationOf),
    ...blockOperations(db, eventLog, once, blockRules, now, auth, audit),
    accounts: createAccounts(db, eventLog, audit, auth, now),
    auth,
    audit,
    ...createReportOperations(db, once, now, auth, audit),
    closeCase: closing.closeCase,
    closeDue: closing.closeDue,
    now,
    rules: createRulesOperations(db, eventLog, once, now, auth, audit, rules),
    ...createExportOperations(once, now, auth, audit),
    sync: eventLog.sync,
    lastSeq: eventLog.lastSeq,
  };
}

function blockOperations(
  db: HubStore,
  eventLog: ReturnType<typeof createEventLog>,
  once: ReturnType<typeof createAppliedAnswers>['once'],
  rules: BlockRules | undefined,
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
) {
  // A count no window reaches: the rule is off, supervisors' blocks still work.
  const off = { count: 1000, windowMinutes: 1 };
  const ops = createBlockOperations(
    db,
    eventLog,
    once,
    rules ?? { prank: off, silent: off, autoHours: 24 },
    now,
    auth,
    audit,
  );
  return { block: ops.block, unblock: ops.unblock, blockAfterCall: ops.afterCall };
}

export type CenterRecord = ReturnType<typeof createCenterRecord>;
