/**
 * Dispatches of this desk's cases and what the hub tells about them. Dispatching writes
 * the dispatch, its outbox message and a timeline entry in one transaction; hub events
 * are applied together with the last applied seq, so each is applied exactly once.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseStatus } from '../../../shared/domain/case';
import { caseStatusFrom, type DeskDispatchStatus } from '../../../shared/domain/dispatch';
import type { Actor, HubEvent } from '../../../shared/hub/messages';
import type { Store } from './database';
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
  const timeline = db.prepare(
    'INSERT INTO case_timeline (case_id, at, actor_id, kind, note) VALUES (?, ?, ?, ?, ?)',
  );
  const row = db.prepare<[string], { case_id: string; status: DeskDispatchStatus }>(
    'SELECT case_id, status FROM dispatches WHERE id = ?',
  );
  const setStatus = db.prepare(
    'UPDATE dispatches SET status = ?, updated_at = ?, note = coalesce(?, note), hub_seq = coalesce(?, hub_seq) WHERE id = ?',
  );
  const statuses = db.prepare<[string], { status: DeskDispatchStatus }>(
    'SELECT status FROM dispatches WHERE case_id = ?',
  );
  const caseRow = db.prepare<[string], { status: CaseStatus; opd_id: string | null }>(
    'SELECT status, opd_id FROM cases WHERE id = ?',
  );
  const setCase = db.prepare(
    'UPDATE cases SET status = ?, opd_id = coalesce(opd_id, ?), updated_at = ? WHERE id = ?',
  );
  const lastSeq = db.prepare<[], { last_seq: number }>(
    'SELECT last_seq FROM sync_state WHERE id = 1',
  );
  const setLastSeq = db.prepare('UPDATE sync_state SET last_seq = ? WHERE id = 1');

  const rederive = (caseId: string, now: number, opdId: string | null = null): void => {
    const c = caseRow.get(caseId);
    if (!c) return;
    const next = caseStatusFrom(
      c.status,
      statuses.all(caseId).map((s) => s.status),
    );
    setCase.run(next, opdId, now, caseId);
  };

  const move = (
    id: string,
    to: DeskDispatchStatus,
    now: number,
    note: string | null,
    hubSeq: number | null,
  ): boolean => {
    const d = row.get(id);
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
          timeline.run(caseId, now, operatorId, 'dispatched', opd.short);
          return { dispatchId, opdId: opd.id, status: 'waiting' as const };
        });
        rederive(caseId, now, opds[0]?.id ?? null);
        return made;
      },
    ),

    /** The hub acknowledged the dispatch: it is in the OPD's queue. */
    atHub: db.transaction((dispatchId: string, hubSeq: number, now: number) =>
      move(dispatchId, 'at_hub', now, null, hubSeq),
    ),

    /** The hub refused it for good: it stays red until someone acts. */
    refused: db.transaction((dispatchId: string, reason: string, now: number) => {
      const d = row.get(dispatchId);
      if (!d || d.status !== 'waiting') return false;
      setStatus.run('refused', now, reason, null, dispatchId);
      rederive(d.case_id, now);
      return true;
    }),

    lastSeq: () => lastSeq.get()?.last_seq ?? 0,

    /**
     * Applies one hub event in order. Returns false for an event out of order (a gap:
     * the caller syncs) and true for one applied or already applied before.
     */
    apply: db.transaction((event: HubEvent, now: number): 'applied' | 'old' | 'gap' => {
      const last = lastSeq.get()?.last_seq ?? 0;
      if (event.seq <= last) return 'old';
      if (event.seq !== last + 1) return 'gap';
      if (event.type === 'dispatch.status' && event.dispatchId && event.status) {
        const to: DeskDispatchStatus = event.status === 'queued' ? 'at_hub' : event.status;
        const d = row.get(event.dispatchId);
        if (
          d &&
          move(event.dispatchId, to, now, event.note ?? null, event.seq) &&
          event.actor.role === 'opd'
        ) {
          timeline.run(
            d.case_id,
            event.at,
            event.actor.id,
            `dispatch.${to}`,
            [event.actor.person, event.note].filter(Boolean).join(': ') || null,
          );
        }
      }
      // Other desks' cases are replicated by a later part of the protocol; their events
      // still advance the seq so the desk never asks for them again.
      setLastSeq.run(event.seq);
      return 'applied';
    }),
  };
}

export type DispatchWrites = ReturnType<typeof createDispatchWrites>;
