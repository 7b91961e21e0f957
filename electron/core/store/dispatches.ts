/**
 * Dispatches of this desk's cases and what the hub tells about them. Dispatching writes
 * the dispatch, its outbox message and a timeline entry in one transaction; statuses from
 * the hub arrive through the event applier (hub-events.ts), in seq order.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseStatus } from '../../../shared/domain/case';
import { caseStatusFrom, type DeskDispatchStatus } from '../../../shared/domain/dispatch';
import {
  DESK_DISPATCH_LIFECYCLE,
  deskStage,
  deskStatusOf,
  sqlStatusList,
} from '../../../shared/domain/lifecycle';
import { opdMoveKind } from '../../../shared/domain/timeline';
import type { Actor, HubEvent } from '../../../shared/hub/messages';
import { CoreError } from '../errors';
import { actorLabel } from './actor-label';
import { createCaseRows } from './case-rows';
import type { Store } from './database';
import { joined } from '../../../shared/store/joined';
import type { Outbox } from './outbox';

/** Later statuses never give way to earlier ones (an ack may arrive after an OPD's event). */
const RANK: Record<DeskDispatchStatus, number> = {
  waiting: 0,
  refused: 1,
  at_hub: 2,
  seen: 3,
  accepted: 4,
  in_progress: 5,
  resolved: 6,
  returned: 6,
  withdrawn: 7,
};

export function createDispatchWrites(db: Store, outbox: Outbox) {
  const insert = db.prepare(
    `INSERT INTO dispatches (id, case_id, opd_id, status, created_at, updated_at) VALUES (?, ?, ?, 'waiting', ?, ?)`,
  );
  const cases = createCaseRows(db);
  const row = db.prepare<[string], { case_id: string; status: DeskDispatchStatus }>(
    'SELECT case_id, status FROM dispatches WHERE id = ?',
  );
  const setStatus = db.prepare(
    'UPDATE dispatches SET status = ?, updated_at = ?, note = coalesce(?, note), hub_seq = coalesce(?, hub_seq) WHERE id = ?',
  );
  // A resolved dispatch followed by a later one to the same OPD (the case was reopened)
  // no longer speaks for the case: the later one does.
  const statuses = db.prepare<[string], { status: DeskDispatchStatus }>(
    `SELECT status FROM dispatches d WHERE case_id = ?
       AND NOT (status = 'resolved' AND EXISTS (SELECT 1 FROM dispatches n
         WHERE n.case_id = d.case_id AND n.opd_id = d.opd_id AND n.created_at > d.created_at))`,
  );
  const caseRow = db.prepare<[string], { status: CaseStatus; opd_id: string | null }>(
    'SELECT status, opd_id FROM cases WHERE id = ?',
  );
  const setRefused = db.prepare(
    "UPDATE dispatches SET status = 'refused', refusal = ?, updated_at = ? WHERE id = ?",
  );
  const setCalled = db.prepare('UPDATE dispatches SET called_at = ? WHERE id = ?');
  // The latest call counts: the OPD's answer is awaited from then.
  const markCalled = db.prepare(
    'UPDATE dispatches SET called_at = max(coalesce(called_at, 0), ?) WHERE id = ? AND case_id = ?',
  );
  const opdOf = db.prepare<[string], { short: string }>(
    'SELECT opds.short FROM dispatches JOIN opds ON opds.id = dispatches.opd_id WHERE dispatches.id = ?',
  );
  const opdRow = db.prepare<[string], { short: string }>('SELECT short FROM opds WHERE id = ?');
  // Per OPD, its latest resolved dispatch of the case: what a reporter's callback reopens.
  const lastResolved = db.prepare<[string], { id: string; opd_id: string; short: string }>(
    `SELECT d.id, d.opd_id, coalesce(o.short, d.opd_id) AS short
     FROM dispatches d LEFT JOIN opds o ON o.id = d.opd_id
     WHERE d.case_id = ? AND d.status = 'resolved'
       AND d.updated_at = (SELECT max(e.updated_at) FROM dispatches e
                           WHERE e.case_id = d.case_id AND e.opd_id = d.opd_id AND e.status = 'resolved')
     GROUP BY d.opd_id ORDER BY d.created_at`,
  );
  const openOf = db.prepare<[string], { id: string; status: DeskDispatchStatus }>(
    `SELECT id, status FROM dispatches
     WHERE case_id = ? AND status IN (${sqlStatusList(DESK_DISPATCH_LIFECYCLE, (r) => r.open)})`,
  );

  const rederive = (caseId: string, now: number, opdId: string | null = null): void => {
    const c = caseRow.get(caseId);
    if (!c) return;
    const next = caseStatusFrom(
      c.status,
      statuses.all(caseId).map((s) => s.status),
    );
    // Most dispatch statuses leave the case's own status as it was; rewriting the row anyway
    // would rewrite every queue index that carries the status.
    if (next === c.status && (opdId === null || c.opd_id !== null)) return;
    cases.setStatusAndOpd(caseId, next, opdId, now);
  };

  const move = (
    id: string,
    to: DeskDispatchStatus,
    now: number,
    note: string | null,
    hubSeq: number | null,
    d = row.get(id),
  ): boolean => {
    if (!d || RANK[to] <= RANK[d.status]) return false;
    setStatus.run(to, now, note, hubSeq, id);
    rederive(d.case_id, now);
    return true;
  };

  return {
    dispatch: db.transaction(
      (
        caseId: string,
        opds: ReadonlyArray<{ id: string; short: string }>,
        actor: Actor,
        operatorId: string,
        now: number,
      ) => {
        const made = opds.map((opd) => {
          const dispatchId = uuidv7();
          insert.run(dispatchId, caseId, opd.id, now, now);
          outbox.enqueue('dispatch', dispatchId, { dispatchId, caseId, opdId: opd.id, actor }, now);
          cases.timeline(caseId, now, operatorId, 'dispatched', opd.short);
          return { dispatchId, opdId: opd.id, status: 'waiting' as const };
        });
        rederive(caseId, now, opds[0]?.id ?? null);
        return made;
      },
    ),

    /**
     * A reporter's callback reopens the case: each OPD that resolved it gets a new dispatch
     * naming the one it resolved, through the outbox like any dispatch.
     */
    reopen: (caseId: string, actor: Actor, operatorId: string, now: number) => {
      const made = lastResolved.all(caseId).map((earlier) => {
        const dispatchId = uuidv7();
        insert.run(dispatchId, caseId, earlier.opd_id, now, now);
        outbox.enqueue(
          'dispatch',
          dispatchId,
          { dispatchId, caseId, opdId: earlier.opd_id, reopens: earlier.id, actor },
          now,
        );
        cases.timeline(caseId, now, operatorId, 'dispatched', earlier.short);
        return { dispatchId, opdId: earlier.opd_id };
      });
      rederive(caseId, now);
      return made;
    },

    /** The case's status from its dispatches again (after it was reopened). */
    rederive: (caseId: string, now: number) => rederive(caseId, now),

    /** The hub acknowledged the dispatch: it is in the OPD's queue. */
    atHub: joined(db, (dispatchId: string, hubSeq: number, now: number) =>
      move(dispatchId, 'at_hub', now, null, hubSeq),
    ),

    /**
     * The hub refused it for good: it stays red until someone acts. Only the hub's code is
     * kept (the console words it for the operator); its English text goes to the log.
     */
    refused: joined(db, (dispatchId: string, code: string, now: number) => {
      const d = row.get(dispatchId);
      if (!d || deskStage(d.status) !== 'waiting') return false;
      setRefused.run(code, now, dispatchId);
      rederive(d.case_id, now);
      return true;
    }),

    /**
     * A dispatch status from the hub (called by the event applier, in seq order). A
     * dispatch this desk has not seen (another desk's case) joins the replica.
     */
    fromHub(event: Extract<HubEvent, { type: 'dispatch.status' }>, now: number): void {
      const to: DeskDispatchStatus = deskStatusOf(event.status);
      let d = row.get(event.dispatchId);
      if (!d) {
        if (!caseRow.get(event.caseId) || !opdRow.get(event.opdId)) return;
        insert.run(event.dispatchId, event.caseId, event.opdId, event.at, event.at);
        cases.timeline(
          event.caseId,
          event.at,
          actorLabel(event.actor),
          'dispatched',
          opdRow.get(event.opdId)?.short ?? event.opdId,
        );
        d = { case_id: event.caseId, status: 'waiting' };
        rederive(event.caseId, now, event.opdId); // the queue's OPD column
      }
      const moved = move(event.dispatchId, to, now, event.note ?? null, event.seq, d);
      const opdKind = event.actor.role === 'opd' ? opdMoveKind(to) : null;
      if (moved && opdKind) {
        cases.timeline(
          d.case_id,
          event.at,
          event.actor.id,
          opdKind,
          [event.actor.person, event.note].filter(Boolean).join(': ') || null,
        );
      } else if (moved && to === 'withdrawn' && event.note) {
        cases.timeline(
          d.case_id,
          event.at,
          actorLabel(event.actor),
          'dispatch.withdrawn',
          event.note,
        );
      }
    },

    /**
     * An operator phoned the OPD about this dispatch ("Telepon OPD"). Every desk hears of
     * it, so no one else phones again for the same red dispatch.
     */
    called: db.transaction(
      (dispatchId: string, operatorId: string, actor: Actor, now: number): string => {
        const d = row.get(dispatchId);
        if (!d) throw new CoreError('case.not_found', 'No such dispatch on this desk.');
        const opd = opdOf.get(dispatchId)?.short ?? 'OPD';
        setCalled.run(now, dispatchId);
        cases.timeline(d.case_id, now, operatorId, 'dispatch.called', opd);
        const changeId = uuidv7();
        outbox.enqueue(
          'case.append',
          changeId,
          {
            changeId,
            caseId: d.case_id,
            entry: { kind: 'opd_called', dispatchId, text: opd },
            actor,
          },
          now,
        );
        return d.case_id;
      },
    ),

    /** Another desk phoned the OPD about this dispatch (its `case.append`, from the hub). */
    calledElsewhere(dispatchId: string, caseId: string, at: number): void {
      markCalled.run(at, dispatchId, caseId);
    },

    /** Open dispatches of a case, for withdrawing them when it is cancelled. */
    openOf: (caseId: string) => openOf.all(caseId),

    /** Marks a dispatch withdrawn here without the hub (it never reached the hub). */
    withdrawLocal: (dispatchId: string, now: number, reason: string) =>
      move(dispatchId, 'withdrawn', now, reason, null),
  };
}

export type DispatchWrites = ReturnType<typeof createDispatchWrites>;
