/**
 * A reporter's callback and a case's closing on a real desk store, without a hub: the
 * hub's events are applied as the replication would (resolved by DLH, closed by a
 * supervisor or automatically). "Not fixed" reopens the case and queues, in order, the
 * callback and one dispatch per OPD that resolved it, naming the earlier dispatch; "fixed"
 * queues the callback only; a case still being worked on is refused and nothing is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DUMMY_HASH } from '../../../shared/auth/password';
import { emptyIntakeForm } from '../../../shared/domain/intake';
import type { Actor, HubEvent, UnsequencedEvent } from '../../../shared/hub/messages';
import { AUTO_CLOSE_ACTOR } from '../../../shared/hub/closing-messages';
import { createLogger } from '../../../shared/log';
import { readDuplicateRules } from '../duplicate-rules';
import { openStore, type Store } from './database';
import { createDeskStore } from './desk-store';
import type { DeskStore, Who } from './interface';
import { loadDefaultReference } from './reference';

const resourcesDir = path.join(process.cwd(), 'resources', 'data');
const desk: Actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
const sari: Actor = { id: 'dlh', role: 'opd', person: 'Sari' };
const T0 = Date.UTC(2026, 11, 3, 1, 0, 0);

let dir: string;
let db: Store;
let store: DeskStore;
let seq = 0;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-callback-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, resourcesDir);
  store = createDeskStore(
    db,
    'desk-1',
    createLogger('t', () => undefined),
    {
      duplicates: readDuplicateRules(resourcesDir),
      hashOf: (n) => n,
    },
  );
  seq = 0;
  store.operators.apply(
    {
      id: 'op-1',
      username: 'operator',
      displayName: 'Operator Demo',
      role: 'operator',
      enabled: true,
      passwordHash: DUMMY_HASH,
    },
    T0,
  );
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const who = (now: number): Who => ({ operatorId: 'op-1', actor: desk, now });
const apply = (event: UnsequencedEvent) =>
  expect(store.replica.apply({ ...event, seq: ++seq } as HubEvent, event.at)).toBe('applied');

/** A case saved on this desk, sent to DLH, and resolved there (as the hub tells it). */
function resolvedCase(): { caseId: string; dispatchId: string } {
  const saved = store.cases.save(
    {
      callId: uuidv7(),
      startedAt: T0 - 60_000,
      endedAt: T0,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '081234567890',
        categoryId: 'sampah',
        urgency: 'non_darurat',
        description: 'Sampah menumpuk',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
      },
      callerE164: '+6281234567890',
      classification: 'pengaduan',
      operatorId: 'op-1',
      deskId: 'desk-1',
      actor: desk,
    },
    [{ id: 'dlh', short: 'DLH' }],
  );
  const dispatchId = saved.dispatches[0]!.dispatchId;
  for (const row of store.outbox.pending(10)) store.outbox.markSent(row.id, T0);
  store.dispatches.atHub(dispatchId, 1, T0);
  const base = { caseId: saved.caseId, dispatchId, opdId: 'dlh', actor: sari } as const;
  apply({ ...base, type: 'dispatch.status', at: T0 + 1000, status: 'accepted' });
  apply({ ...base, type: 'dispatch.status', at: T0 + 2000, status: 'resolved', note: 'diangkut' });
  expect(detail(saved.caseId).status).toBe('resolved');
  return { caseId: saved.caseId, dispatchId };
}

const detail = (caseId: string) => store.cases.detail(caseId, T0 + 10_000)!;
const pending = () =>
  store.outbox
    .pending(100)
    .map((r) => ({ kind: r.kind, payload: r.payload as Record<string, unknown> }));

describe("a reporter's callback", () => {
  it('"not fixed" reopens a closed case: the callback, then a dispatch to DLH naming the earlier one', () => {
    const { caseId, dispatchId } = resolvedCase();
    apply({ type: 'case.closed', at: T0 + 5000, caseId, auto: true, actor: AUTO_CLOSE_ACTOR });
    expect(detail(caseId).status).toBe('closed');

    const made = store.cases.callback(
      caseId,
      { fixed: false, reason: 'Masih menumpuk' },
      who(T0 + 9000),
    );
    expect(made).toEqual([{ dispatchId: expect.any(String), opdId: 'dlh' }]);
    expect(pending()).toEqual([
      {
        kind: 'case.append',
        payload: expect.objectContaining({
          caseId,
          entry: { kind: 'callback', fixed: false, text: 'Masih menumpuk' },
        }),
      },
      {
        kind: 'dispatch',
        payload: expect.objectContaining({
          caseId,
          dispatchId: made[0]!.dispatchId,
          opdId: 'dlh',
          reopens: dispatchId,
        }),
      },
    ]);
    const after = detail(caseId);
    expect(after.status).toBe('dispatch_pending'); // open again, on its way to DLH
    expect(after.timeline.map((t) => t.kind).slice(-4)).toEqual([
      'closed',
      'callback',
      'dispatched',
      'case_reopened',
    ]);

    // Once the hub has the new dispatch, the case reads as dispatched, not in progress.
    store.dispatches.atHub(made[0]!.dispatchId, seq + 1, T0 + 9500);
    expect(detail(caseId).status).toBe('dispatched');
  });

  it('"fixed" is recorded and queued for every desk; nothing reopens', () => {
    const { caseId } = resolvedCase();
    expect(
      store.cases.callback(caseId, { fixed: true, reason: 'Sudah bersih' }, who(T0 + 9000)),
    ).toEqual([]);
    expect(pending()).toEqual([
      {
        kind: 'case.append',
        payload: expect.objectContaining({
          entry: { kind: 'callback', fixed: true, text: 'Sudah bersih' },
        }),
      },
    ]);
    expect(detail(caseId).status).toBe('resolved');
    expect(detail(caseId).dispatches).toHaveLength(1);
  });

  it('is refused on a case still being worked on, writing nothing', () => {
    const { caseId, dispatchId } = resolvedCase();
    // DLH gets it back by another desk's reopening: in the queue again, not resolved.
    apply({
      type: 'dispatch.status',
      at: T0 + 3000,
      caseId,
      dispatchId: uuidv7(),
      opdId: 'dlh',
      status: 'queued',
      reopens: dispatchId,
      actor: { id: 'desk-2', role: 'desk', person: 'Rina' },
    });
    expect(detail(caseId).status).toBe('dispatched');
    const lines = detail(caseId).timeline.length;
    expect(() =>
      store.cases.callback(caseId, { fixed: false, reason: 'lagi' }, who(T0 + 9000)),
    ).toThrow(expect.objectContaining({ code: 'case.not_resolved' }));
    expect(pending()).toEqual([]);
    expect(detail(caseId).timeline).toHaveLength(lines);
  });
});

describe('closing from the hub', () => {
  it('closes the case with who closed it, and a reopening from another desk opens it again', () => {
    const { caseId } = resolvedCase();
    const spv: Actor = { id: 'desk-3', role: 'desk', person: 'Supervisor Demo' };
    apply({ type: 'case.closed', at: T0 + 5000, caseId, auto: false, note: 'Beres', actor: spv });
    const closed = detail(caseId);
    expect(closed.status).toBe('closed');
    expect(JSON.parse(closed.timeline.at(-1)!.note!)).toEqual({
      auto: false,
      person: 'Supervisor Demo',
      note: 'Beres',
    });
    // A closed case takes no more edits on this desk.
    expect(() => store.cases.note(caseId, 'catatan', who(T0 + 6000))).not.toThrow();
    expect(() => store.cases.update(caseId, { landmark: 'depan pasar' }, who(T0 + 6000))).toThrow(
      expect.objectContaining({ code: 'case.closed' }),
    );

    const rina: Actor = { id: 'desk-2', role: 'desk', person: 'Rina' };
    apply({
      type: 'case.appended',
      at: T0 + 7000,
      caseId,
      entry: { kind: 'callback', fixed: false, text: 'Belum' },
      actor: rina,
    });
    apply({ type: 'case.reopened', at: T0 + 7000, caseId, reason: 'Belum', actor: rina });
    const reopened = detail(caseId);
    expect(reopened.status).not.toBe('closed');
    expect(reopened.timeline.map((t) => t.kind).slice(-2)).toEqual(['callback', 'case_reopened']);
    expect(JSON.parse(reopened.timeline.at(-2)!.note!)).toEqual({ fixed: false, reason: 'Belum' });
  });
});
