/**
 * A later caller about the same incident joins its case as a co-reporter: the call is
 * stored with disposition `case` and that case's id, the caller is counted on the case,
 * the timeline says so, the draft goes, and `case.append {kind: 'co_reporter'}` waits in the
 * outbox — all in one transaction. Nothing is dispatched: the case already was, or will be.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseStatus } from '../../../shared/domain/case';
import { isCaseOpen } from '../../../shared/domain/lifecycle';
import { maskNumber } from '../../../shared/domain/phone';
import type { Actor } from '../../../shared/hub/messages';
import { CoreError } from '../errors';
import { createCalls } from './calls';
import { createCaseRows } from './case-rows';
import type { Store } from './database';
import { createDrafts } from './drafts';
import type { Outbox } from './outbox';

export interface JoinInput {
  callId: string;
  caseId: string;
  startedAt: number;
  endedAt: number;
  callerName: string;
  /** Normalized number, or null when withheld. */
  callerE164: string | null;
  operatorId: string;
  deskId: string;
  actor: Actor;
}

export interface Joined {
  caseId: string;
  callId: string;
  joinedAt: number;
  /** True when this call had been saved before (a retried join): nothing was written. */
  duplicate: boolean;
  reporters: number;
}

/** The timeline's line for a co-reporter: a name and a masked number, or a dash. */
export const coReporterLine = (name: string, number: string | null): string =>
  [name.trim(), number ? maskNumber(number) : ''].filter(Boolean).join(', ') || '—';

export function createCoReporterWrites(db: Store, outbox: Outbox) {
  // Calls, cases, their timeline and drafts are written by their own modules.
  const calls = createCalls(db);
  const rows = createCaseRows(db);
  const drafts = createDrafts(db);
  const findCall = db.prepare<[string], { case_id: string | null; ended_at: number | null }>(
    'SELECT case_id, ended_at FROM calls WHERE id = ?',
  );
  const caseRow = db.prepare<[string], { status: CaseStatus }>(
    'SELECT status FROM cases WHERE id = ?',
  );
  const insertReporter = db.prepare(
    `INSERT OR IGNORE INTO case_reporters (call_id, case_id, at, caller_name, caller_number, desk_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const countReporters = db.prepare<[string], { n: number }>(
    'SELECT 1 + count(*) AS n FROM case_reporters WHERE case_id = ?',
  );

  const reporters = (caseId: string): number => countReporters.get(caseId)?.n ?? 1;

  return {
    reporters,

    /** A co-reporter from another desk, as the hub's event tells it: counted once per call. */
    recordFromHub(r: {
      callId: string;
      caseId: string;
      at: number;
      callerName: string;
      callerNumber: string | null;
      deskId: string;
    }): void {
      insertReporter.run(r.callId, r.caseId, r.at, r.callerName, r.callerNumber, r.deskId);
    },

    join: db.transaction((input: JoinInput): Joined => {
      const existing = findCall.get(input.callId);
      if (existing) {
        // A retried join (or a call saved some other way) changes nothing.
        if (!existing.case_id) {
          throw new CoreError('case.closed', 'This call was already recorded without a case.');
        }
        return {
          caseId: existing.case_id,
          callId: input.callId,
          joinedAt: existing.ended_at ?? input.endedAt,
          duplicate: true,
          reporters: reporters(existing.case_id),
        };
      }
      const c = caseRow.get(input.caseId);
      if (!c) throw new CoreError('case.not_found', 'No such case on this desk.');
      if (!isCaseOpen(c.status)) {
        throw new CoreError('case.closed', 'This case is closed or cancelled.');
      }
      const at = input.endedAt;
      if (input.callerE164) calls.callerOpenedCase(input.callerE164, input.startedAt);
      calls.record({
        id: input.callId,
        startedAt: input.startedAt,
        endedAt: at,
        callerNumber: input.callerE164,
        withheld: !input.callerE164,
        callerName: input.callerName,
        deskId: input.deskId,
        operatorId: input.operatorId,
        disposition: 'case',
        caseId: input.caseId,
      });
      insertReporter.run(
        input.callId,
        input.caseId,
        at,
        input.callerName,
        input.callerE164,
        input.deskId,
      );
      const text = coReporterLine(input.callerName, input.callerE164);
      rows.timeline(input.caseId, at, input.operatorId, 'co_reporter', text);
      rows.touch(input.caseId, at);
      drafts.discard(input.operatorId, input.callId);
      const changeId = uuidv7();
      outbox.enqueue(
        'case.append',
        changeId,
        {
          changeId,
          caseId: input.caseId,
          entry: {
            kind: 'co_reporter',
            text,
            callId: input.callId,
            callerName: input.callerName,
            callerNumber: input.callerE164,
          },
          actor: input.actor,
        },
        at,
      );
      return {
        caseId: input.caseId,
        callId: input.callId,
        joinedAt: at,
        duplicate: false,
        reporters: reporters(input.caseId),
      };
    }),
  };
}

export type CoReporterWrites = ReturnType<typeof createCoReporterWrites>;
