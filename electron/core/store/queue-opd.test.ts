/**
 * What the queue and the status bar say about dispatches, against a real store: the OPD
 * column names the OPDs holding a case now (after a re-route, the new one), and the
 * outbox is counted in cases and dispatches, not messages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueQuery } from '../../../shared/domain/queue';
import type { Actor } from '../../../shared/hub/messages';
import { ensureDemoAccounts } from '../auth/demo-accounts';
import { bulkInsert } from '../seed/bulk-insert';
import { seededRandom } from '../seed/random';
import { syntheticCalls } from '../seed/synthetic';
import { openStore, type Store } from './database';
import { createDispatchWrites, type DispatchWrites } from './dispatches';
import { createOutbox, type Outbox } from './outbox';
import { queryQueue } from './queue';
import { loadDefaultReference, readReference } from './reference';

let dir: string;
let db: Store;
let outbox: Outbox;
let dispatches: DispatchWrites;
let caseId: string;
const desk: Actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
const opd = (id: string): Actor => ({ id, role: 'opd', person: `Petugas ${id}` });
let seq = 0;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-queue-opd-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, path.resolve(__dirname, '..', '..', '..', 'resources', 'data'));
  await ensureDemoAccounts(db, dir, Date.now());
  const op = db.prepare('SELECT id FROM operators LIMIT 1').get() as { id: string };
  const calls = syntheticCalls(seededRandom(3), readReference(db), {
    cases: 1,
    screenedShare: 0,
    endAt: Date.now(),
    spanDays: 1,
  });
  bulkInsert(db, calls, op.id, 'desk-1');
  caseId = (db.prepare('SELECT id FROM cases').get() as { id: string }).id;
  outbox = createOutbox(db);
  dispatches = createDispatchWrites(db, outbox);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const opdColumn = () => queryQueue(db, QueueQuery.parse({})).rows[0]!.opd;
const send = (...opdIds: string[]) =>
  dispatches.dispatch(
    caseId,
    opdIds.map((id) => ({ id, short: short(id) })),
    desk,
    'operator',
    Date.now(),
  );
const short = (id: string) =>
  (db.prepare('SELECT short FROM opds WHERE id = ?').get(id) as { short: string }).short;
const status = (dispatchId: string, opdId: string, to: 'queued' | 'returned' | 'accepted') =>
  dispatches.fromHub(
    {
      seq: ++seq,
      type: 'dispatch.status',
      at: Date.now(),
      actor: to === 'queued' ? desk : opd(opdId),
      caseId,
      dispatchId,
      opdId,
      status: to,
    },
    Date.now(),
  );

describe('the queue OPD column', () => {
  it('names the OPDs holding the case, the new one after a re-route', () => {
    expect(opdColumn()).toBeNull();
    const [dlh] = send('dlh');
    expect(opdColumn()).toBe('DLH'); // waiting to be sent, but it is DLH's
    status(dlh!.dispatchId, 'dlh', 'queued');
    status(dlh!.dispatchId, 'dlh', 'returned');
    expect(opdColumn()).toBe('DLH'); // every OPD returned it: who did
    const [pln] = send('pln');
    expect(opdColumn()).toBe('PLN');
    status(pln!.dispatchId, 'pln', 'queued');
    status(pln!.dispatchId, 'pln', 'accepted');
    send('dishub');
    expect(opdColumn()).toBe('PLN, Dishub');
  });
});

describe('the outbox as the status bar counts it', () => {
  it('counts cases with changes waiting, calls and dispatches, not messages', () => {
    const count = () => {
      const { cases, calls, dispatches: d, waiting } = outbox.stats();
      return { cases, calls, dispatches: d, waiting };
    };
    expect(count()).toEqual({ cases: 0, calls: 0, dispatches: 0, waiting: 0 });
    const now = Date.now();
    for (const text of ['Warga menelepon lagi', 'Sudah dicek petugas']) {
      const changeId = uuidv7();
      outbox.enqueue(
        'case.append',
        changeId,
        { changeId, caseId, entry: { kind: 'note', text }, actor: desk },
        now,
      );
    }
    send('dlh', 'dishub');
    expect(count()).toEqual({ cases: 1, calls: 0, dispatches: 2, waiting: 4 });
    for (const disposition of ['prank', 'silent'] as const) {
      const callId = uuidv7();
      const call = { callId, at: now, disposition, callerNumber: null, actor: desk };
      outbox.enqueue('call.log', callId, call, now);
    }
    expect(count()).toEqual({ cases: 1, calls: 2, dispatches: 2, waiting: 6 });
  });
});
