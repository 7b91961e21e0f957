/**
 * The store work each side does per dispatch, without any socket: what is left of the
 * dispatch path once protocol v1's messages are taken away. Both run the real modules on
 * real SQLite files with the production pragmas, batched as the live path batches them.
 */
import { v7 as uuidv7 } from 'uuid';
import { DispatchRequest, HubEvent } from '../../shared/hub/messages';
import type { TokenEntry } from '../../shared/hub/protocol';
import { createLogger } from '../../shared/log';
import { storePath } from '../../electron/core/core';
import { createCaseReplica } from '../../electron/core/store/case-replica';
import { openStore } from '../../electron/core/store/database';
import { createBlockWrites } from '../../electron/core/store/blocks';
import { createDispatchWrites } from '../../electron/core/store/dispatches';
import { createCallWrites } from '../../electron/core/store/calls';
import { createHubEvents } from '../../electron/core/store/hub-events';
import { createOutbox } from '../../electron/core/store/outbox';
import { replayable } from '../../electron/core/store/replayable';
import { createCenterRecord } from '../../hub/center-record';
import { createGroupCommit } from '../../hub/group-commit';
import { openHubStore } from '../../hub/store/database';
import { tempDataDir } from './stores';

const cpuUs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return d.user + d.system;
};

/** As many acks (and the events with them) as the desk settles in one commit. */
const DESK_BATCH = 24;
/** As many dispatches as arrive at the hub together with the desk's refill of 16. */
const HUB_GROUP = 16;

/**
 * CPU per dispatch of the desk settling its own dispatches from a closed desk's store:
 * the ack marks the outbox row sent and the dispatch at the hub; the hub's `queued` event
 * is validated and applied with the last seq (the dispatch and the case's status move on).
 */
export function deskStoreWork(dataDir: string): number {
  const db = openStore(storePath(dataDir));
  try {
    const outbox = createOutbox(db);
    const dispatches = createDispatchWrites(db, outbox);
    const log = createLogger('bench', () => undefined);
    const events = createHubEvents(
      db,
      createCaseReplica(db, outbox, 'desk-1', log),
      dispatches,
      createCallWrites(db, outbox, 'desk-1'),
      createBlockWrites(db, outbox),
    );
    const rows = outbox.pending(1_000_000, 0).filter((r) => r.kind === 'dispatch');
    let seq = events.lastSeq();
    const t0 = process.cpuUsage();
    for (let i = 0; i < rows.length; i += DESK_BATCH) {
      replayable(db, () => {
        for (const row of rows.slice(i, i + DESK_BATCH)) {
          const p = row.payload as { dispatchId: string; caseId: string; opdId: string };
          const now = Date.now();
          const event = HubEvent.parse({
            seq: ++seq,
            type: 'dispatch.status',
            at: now,
            actor: { id: 'desk-1', role: 'desk', person: 'Operator Demo' },
            caseId: p.caseId,
            dispatchId: p.dispatchId,
            opdId: p.opdId,
            status: 'queued',
          });
          if (events.apply(event, now) !== 'applied') throw new Error('event not applied');
          outbox.markSent(row.id, now);
          dispatches.atHub(row.messageId, seq, now);
        }
      });
    }
    return cpuUs(t0) / rows.length;
  } finally {
    db.close();
  }
}

/**
 * CPU per dispatch of the hub storing `n` dispatches to cases it has: each validated and
 * applied (the dispatch, its event, its first answer) in groups committed with one fsync.
 */
export async function hubStoreWork(n: number): Promise<number> {
  const db = openHubStore(tempDataDir('hub-store'));
  const desk: TokenEntry = { token: 'x'.repeat(32), kind: 'desk', id: 'desk-1' };
  const actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' } as const;
  try {
    const record = createCenterRecord(db, new Set(['dlh']));
    const cases = Array.from({ length: n }, () => uuidv7());
    for (const caseId of cases) {
      const done = record.upsertCase(desk, {
        changeId: uuidv7(),
        caseId,
        baseSeq: 0,
        fields: { description: 'Pohon tumbang menutup jalan' },
        actor,
      });
      if (!done.ack.ok) throw new Error('case not stored');
    }
    const commit = createGroupCommit(db, (e) => {
      throw e;
    });
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i += HUB_GROUP) {
      const group = cases.slice(i, i + HUB_GROUP).map(
        (caseId) =>
          new Promise<void>((resolve, reject) =>
            commit.submit(
              () => {
                const msg = DispatchRequest.parse({
                  dispatchId: uuidv7(),
                  caseId,
                  opdId: 'dlh',
                  actor,
                });
                return record.dispatch(desk, msg, false).ack.ok;
              },
              (ok) => (ok ? resolve() : reject(new Error('dispatch refused'))),
              () => false,
            ),
          ),
      );
      await Promise.all(group);
    }
    return cpuUs(t0) / n;
  } finally {
    db.close();
  }
}
