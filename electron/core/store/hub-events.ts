/**
 * Applies the hub's events to this desk, each exactly once and in strict seq order: the
 * event's effect and the new last seq commit in one transaction, so a crash between two
 * events neither loses nor repeats one. An event out of order is a gap: the caller syncs.
 */
import type { HubEvent } from '../../../shared/hub/messages';
import type { CallWrites } from './calls';
import type { BlockWrites } from './blocks';
import type { CaseReplica } from './case-replica';
import type { Store } from './database';
import type { DispatchWrites } from './dispatches';
import { createSupervision, type Supervision } from './supervision';
import { applyAccount } from './operators';
import { createCenterRules, type CenterRules } from './center-rules';
import { joined } from '../../../shared/store/joined';

export type ApplyResult = 'applied' | 'old' | 'gap';

export function createHubEvents(
  db: Store,
  replica: CaseReplica,
  dispatches: DispatchWrites,
  calls: CallWrites,
  blocks: Pick<BlockWrites, 'fromFlag'>,
  supervision: Pick<Supervision, 'acked' | 'escalated' | 'calendarAcked'> = createSupervision(db),
  centerRules: Pick<CenterRules, 'fromEvent'> = createCenterRules(db),
) {
  const lastSeq = db.prepare<[], { last_seq: number }>(
    'SELECT last_seq FROM sync_state WHERE id = 1',
  );
  const setLastSeq = db.prepare('UPDATE sync_state SET last_seq = ? WHERE id = 1');
  /** Inside batch(): the last seq as the batch has moved it, written once at its end. */
  let batchSeq: { value: number } | undefined;
  const last = () => batchSeq?.value ?? lastSeq.get()?.last_seq ?? 0;
  const moveTo = (seq: number): void => {
    if (batchSeq) batchSeq.value = seq;
    else setLastSeq.run(seq);
  };
  const batchTx = joined(db, <T>(fn: () => T): T => {
    const start = last();
    batchSeq = { value: start };
    try {
      const result = fn();
      if (batchSeq.value !== start) setLastSeq.run(batchSeq.value);
      return result;
    } finally {
      batchSeq = undefined;
    }
  });

  return {
    lastSeq: last,

    /**
     * Runs `fn` (events applied, acks settled) in one transaction that reads and writes the
     * last seq once, rather than once per event: it commits with the events or not at all.
     */
    batch<T>(fn: () => T): T {
      return batchSeq ? fn() : batchTx(fn);
    },

    /**
     * The hub acknowledged (or refused for good) one of this desk's edits of a case: show
     * the case as confirmed plus whatever of this desk's is still pending.
     */
    changeSettled: joined(db, (caseId: string, now: number): void => {
      replica.refresh(caseId, last(), now);
    }),

    apply: joined(db, (event: HubEvent, now: number): ApplyResult => {
      const seen = last();
      if (event.seq <= seen) return 'old';
      if (event.seq !== seen + 1) return 'gap';
      switch (event.type) {
        case 'case.changed':
          replica.changed(event);
          break;
        case 'case.conflict':
          replica.conflict(event);
          break;
        case 'case.claimed':
          replica.claimed(event);
          break;
        case 'case.appended':
          replica.appended(event);
          // Someone phoned the OPD: its dispatch stops asking for a call here too. The rest
          // is timed on this desk's clock, like the rule it rests: the hub's stamp would
          // shorten or stretch it by however far the two clocks differ.
          if (event.entry.kind === 'opd_called')
            dispatches.calledElsewhere(event.entry.dispatchId, event.caseId, now);
          break;
        case 'dispatch.status':
          dispatches.fromHub(event, now);
          break;
        case 'call.logged':
          // Another desk's screened call joins this desk's caller history.
          calls.fromHub(event);
          break;
        case 'caller.flag':
          blocks.fromFlag(event);
          break;
        case 'alarm.acked':
          supervision.acked(event);
          break;
        case 'calendar.acked':
          supervision.calendarAcked(event);
          break;
        case 'dispatch.escalated':
          supervision.escalated(event, now);
          break;
        case 'case.closed':
          replica.closed(event);
          break;
        case 'case.reopened':
          replica.reopened(event);
          dispatches.rederive(event.caseId, now);
          break;
        case 'account.changed':
          // The center's accounts: who signs in here, offline too, and who is disabled.
          applyAccount(db, event.account, now);
          break;
        case 'routing.changed':
        case 'targets.changed':
          // The routing table or category targets a supervisor published: used from now on.
          centerRules.fromEvent(event);
          break;
      }
      moveTo(event.seq);
      return 'applied';
    }),

    /**
     * An event this desk cannot use (a newer hub's type, or a body it cannot read): it
     * still takes its place in the hub's order, so the events after it are not held up.
     */
    pass: joined(db, (seq: number): ApplyResult => {
      const seen = last();
      if (seq <= seen) return 'old';
      if (seq !== seen + 1) return 'gap';
      moveTo(seq);
      return 'applied';
    }),
  };
}

export type HubEvents = ReturnType<typeof createHubEvents>;
