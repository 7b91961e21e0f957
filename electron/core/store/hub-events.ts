/**
 * Applies the hub's events to this desk, each exactly once and in strict seq order: the
 * event's effect and the new last seq commit in one transaction, so a crash between two
 * events neither loses nor repeats one. An event out of order is a gap: the caller syncs.
 */
import type { HubEvent } from '../../../shared/hub/messages';
import type { CaseReplica } from './case-replica';
import type { Store } from './database';
import type { DispatchWrites } from './dispatches';

export type ApplyResult = 'applied' | 'old' | 'gap';

export function createHubEvents(db: Store, replica: CaseReplica, dispatches: DispatchWrites) {
  const lastSeq = db.prepare<[], { last_seq: number }>(
    'SELECT last_seq FROM sync_state WHERE id = 1',
  );
  const setLastSeq = db.prepare('UPDATE sync_state SET last_seq = ? WHERE id = 1');
  const last = () => lastSeq.get()?.last_seq ?? 0;

  return {
    lastSeq: last,

    /**
     * The hub acknowledged (or refused for good) one of this desk's edits of a case: show
     * the case as confirmed plus whatever of this desk's is still pending.
     */
    changeSettled: db.transaction((caseId: string, now: number): void => {
      replica.refresh(caseId, last(), now);
    }),

    apply: db.transaction((event: HubEvent, now: number): ApplyResult => {
      const seen = last();
      if (event.seq <= seen) return 'old';
      if (event.seq !== seen + 1) return 'gap';
      const caseId = event.caseId;
      if (caseId) {
        const e = { ...event, caseId };
        if (event.type === 'case.changed') replica.changed(e);
        else if (event.type === 'case.conflict') replica.conflict(e);
        else if (event.type === 'case.claimed') replica.claimed(e);
        else if (event.type === 'case.appended') {
          replica.appended(e);
          // Someone phoned the OPD: its dispatch stops asking for a call here too. The rest
          // is timed on this desk's clock, like the rule it rests: the hub's stamp would
          // shorten or stretch it by however far the two clocks differ.
          if (e.entry?.kind === 'opd_called')
            dispatches.calledElsewhere(e.entry.dispatchId, caseId, now);
        } else if (event.type === 'dispatch.status') dispatches.fromHub(e, now);
      }
      // call.logged feeds the center's caller history; a desk only moves past it for now.
      setLastSeq.run(event.seq);
      return 'applied';
    }),
  };
}

export type HubEvents = ReturnType<typeof createHubEvents>;
