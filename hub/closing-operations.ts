/**
 * Resolved → closed at the hub, and reopened on a reporter's callback (issue #14). A
 * supervisor closes a resolved case (`case.close`, their person token checked by
 * `requireSupervisor`, an audit entry); the hub closes by itself a case resolved 10 working
 * days ago (`closeDue`, run periodically by server.ts inside the commit queue: one hub, so
 * exactly once however many desks there are); a reporter's callback that says it is not
 * fixed (a `case.append` callback entry, from any desk) reopens a resolved or closed case.
 * The hub's own record of which cases
 * are resolved is read from the event log as it grows (a seq cursor), so finding the cases
 * due never reads every dispatch.
 */
import type { z } from 'zod';
import { autoCloseDue, type WorkingCalendar } from '../shared/domain/clocks';
import {
  isCaseCancelled,
  isCaseClosed,
  isDispatchOpen,
  isDispatchResolved,
  returnsCase,
} from '../shared/domain/lifecycle';
import { AUTO_CLOSE_ACTOR } from '../shared/hub/closing-messages';
import type { CaseClose, DispatchStatus, HubEvent } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { CaseLookup } from './case-operations';
import type { EventLog } from './event-log';
import type { PersonAuth } from './person-auth';
import type { HubStore } from './store/store';

/** Working days from resolved to closed (DESIGN §2, SP4N-LAPOR!). */
export const CLOSE_AFTER_WORKING_DAYS = 10;

/** Ten working days are never less than this many calendar days: older ones are checked. */
const MIN_CLOSE_SPAN_MS = 13 * 24 * 3_600_000;

/** What the hub knows of a case that is not closed or cancelled. */
interface Pending {
  dispatches: Map<string, DispatchStatus>;
  /** When its last OPD still on it resolved it; null while one works on it. */
  resolvedAt: number | null;
}

/** A dispatch that still counts for the case: not returned as not theirs, not withdrawn. */
const counts = (s: DispatchStatus): boolean => !returnsCase(s) && s !== 'withdrawn';

export function createClosingOperations(
  db: HubStore,
  eventLog: EventLog,
  once: AppliedAnswers['once'],
  now: () => number,
  cases: CaseLookup,
  people: { auth: PersonAuth; audit: AuditLog },
  /** The holiday calendar; without it nothing closes by itself. */
  calendar?: WorkingCalendar,
) {
  const newEvents = db.prepare<[number], { seq: number; body: string }>(
    `SELECT seq, body FROM events WHERE seq > ?
       AND type IN ('dispatch.status', 'case.changed', 'case.closed', 'case.reopened')
     ORDER BY seq`,
  );
  const statusOf = (caseId: string): unknown => cases.fieldValue(caseId, 'status');

  const pending = new Map<string, Pending>();
  let cursor = 0;

  const resolvedAtOf = (p: Pending, at: number): number | null => {
    const live = [...p.dispatches.values()].filter(counts);
    if (live.length === 0 || live.some(isDispatchOpen)) return null;
    return p.resolvedAt ?? at;
  };

  /** Brings the record of resolved cases up to the log's last event. */
  const catchUp = (): void => {
    for (const row of newEvents.iterate(cursor)) {
      cursor = row.seq;
      const e = JSON.parse(row.body) as HubEvent;
      if (e.type === 'dispatch.status') {
        let p = pending.get(e.caseId);
        if (!p) {
          p = { dispatches: new Map(), resolvedAt: null };
          pending.set(e.caseId, p);
        }
        p.dispatches.set(e.dispatchId, e.status);
        // The latest resolve counts: a case resolved again after a reopening starts again.
        p.resolvedAt = isDispatchResolved(e.status) ? null : p.resolvedAt;
        p.resolvedAt = resolvedAtOf(p, e.at);
      } else if (e.type === 'case.changed') {
        if (isCaseCancelled(e.fields.status)) pending.delete(e.caseId);
      } else if (e.type === 'case.closed') {
        pending.delete(e.caseId);
      } else if (e.type === 'case.reopened') {
        // Its earlier dispatches are resolved; what counts now is what is sent again.
        pending.set(e.caseId, { dispatches: new Map(), resolvedAt: null });
      }
    }
  };

  /** Closes the case: its status, the event every desk applies, the audit for a person. */
  const close = (
    caseId: string,
    actor: HubEvent['actor'],
    auto: boolean,
    note: string | undefined,
  ): HubEvent => {
    const event = eventLog.append({
      type: 'case.closed',
      at: now(),
      actor,
      caseId,
      auto,
      ...(note ? { note } : {}),
    });
    cases.setStatus(caseId, 'closed', event.seq, actor.id);
    pending.delete(caseId);
    return event;
  };

  const isResolved = (caseId: string): boolean => {
    catchUp();
    return pending.get(caseId)?.resolvedAt != null && !isCaseCancelled(statusOf(caseId));
  };

  return {
    /** A supervisor closes a resolved case, with an optional note. */
    closeCase(who: TokenEntry, msg: z.output<typeof CaseClose>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('case.close', who, msg.closeId, () => {
        const supervisor = people.auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        if (!cases.exists(msg.caseId))
          return refuse('case.unknown', `case ${msg.caseId} has not reached the hub`);
        if (!isResolved(msg.caseId)) {
          return refuse('case.not_resolved', 'only a resolved case is closed');
        }
        const event = close(msg.caseId, msg.actor, false, msg.note);
        people.audit.record({
          at: event.at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'case.close',
          desk: who.id,
          details: { caseId: msg.caseId, ...(msg.note ? { note: msg.note } : {}) },
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /**
     * The reporter called back: not fixed (a `case.append` callback entry the hub took). A
     * resolved or closed case is open again; its new dispatches (`dispatch` with `reopens`)
     * follow from the same desk's outbox. A case still being worked on only keeps the call.
     */
    reopenOnCallback(caseId: string, actor: HubEvent['actor'], reason: string): HubEvent[] {
      const status = statusOf(caseId);
      if (isCaseCancelled(status)) return [];
      const closed = isCaseClosed(status);
      if (!closed && !isResolved(caseId)) return [];
      const event = eventLog.append({ type: 'case.reopened', at: now(), actor, caseId, reason });
      // The case's status follows its dispatches again.
      if (closed) cases.setStatus(caseId, 'new', event.seq, actor.id);
      return [event];
    },

    /**
     * Closes every case resolved 10 working days ago by `now()`. A case whose deadline
     * falls in a year the calendar lacks stays open (`missingYears` says which): never a guess.
     */
    closeDue(): { events: HubEvent[]; missingYears: number[] } {
      catchUp();
      const events: HubEvent[] = [];
      const missing = new Set<number>();
      if (!calendar) return { events, missingYears: [] };
      const at = now();
      for (const [caseId, p] of [...pending]) {
        if (p.resolvedAt === null || p.resolvedAt > at - MIN_CLOSE_SPAN_MS) continue;
        const due = autoCloseDue(p.resolvedAt, calendar, CLOSE_AFTER_WORKING_DAYS);
        if (!due.ok) {
          missing.add(due.missing.year);
          continue;
        }
        if (at <= due.value) continue;
        const status = statusOf(caseId);
        if (isCaseClosed(status) || isCaseCancelled(status)) {
          pending.delete(caseId);
          continue;
        }
        events.push(close(caseId, AUTO_CLOSE_ACTOR, true, undefined));
      }
      return { events, missingYears: [...missing].sort((a, b) => a - b) };
    },
  };
}

export type ClosingOperations = ReturnType<typeof createClosingOperations>;
