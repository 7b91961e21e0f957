/**
 * The center's record on its own, against a real hub store (SQLite in a temporary folder)
 * and a fixed clock: who may change a case, what a conflicting edit leaves on the timeline,
 * which dispatches an OPD sees and may move, and the event log desks replay. The
 * integration tests drive the same record through a hub process and sockets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireEvent } from '../tests/support/wire-event';
import type { Actor, CaseFields } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { createCenterRecord, type CenterRecord } from './center-record';
import { openHubStore, type HubStore } from './store/database';

const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);

const who = (kind: TokenEntry['kind'], id: string): TokenEntry => ({
  token: `token-of-${id}-0123456789`,
  kind,
  id,
});
const desk1 = who('desk', 'desk-1');
const desk2 = who('desk', 'desk-2');
const spv = who('supervisor', 'spv-1');
const dlh = who('opd', 'dlh');
const dishub = who('opd', 'dishub');
const actorOf = (t: TokenEntry): Actor => ({
  id: t.id,
  role: t.kind,
  person: `Petugas ${t.id}`,
});

const FIELDS: CaseFields = {
  status: 'new',
  categoryId: 'pohon-tumbang',
  urgency: 'darurat',
  description: 'Pohon tumbang menutup jalan',
  kecamatanId: 'kartoharjo',
  kelurahanId: 'kanigoro',
  address: 'Jl. Pahlawan 1',
  landmark: 'depan masjid',
  anonim: true,
  rahasia: false,
  callerName: 'Budi',
  callerNumber: '+6281234567890',
};

let dir: string;
let db: HubStore;
let record: CenterRecord;
let clock: number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-center-record-'));
  db = openHubStore(dir);
  clock = T0;
  record = createCenterRecord(db, new Set(['dlh', 'dishub']), () => clock);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const upsert = (by: TokenEntry, caseId: string, fields: CaseFields, baseSeq = 0) =>
  record.upsertCase(by, { changeId: uuidv7(), caseId, baseSeq, fields, actor: actorOf(by) });
const openCase = (by: TokenEntry = desk1, fields: CaseFields = FIELDS): string => {
  const caseId = uuidv7();
  expect(upsert(by, caseId, fields).ack).toMatchObject({ ok: true });
  return caseId;
};
const dispatchTo = (caseId: string, opdId: string, by: TokenEntry = desk1) => {
  const out = record.dispatch(by, { dispatchId: uuidv7(), caseId, opdId, actor: actorOf(by) });
  return { ...out, events: out.events as WireEvent[] };
};
const move = (
  by: TokenEntry,
  dispatchId: string,
  to: 'accepted' | 'in_progress' | 'resolved' | 'returned',
  note = '',
) => record.transition(by, { transitionId: uuidv7(), dispatchId, to, note, actor: actorOf(by) });
const allEvents = () => record.sync(0, 1000).events as WireEvent[];

describe('cases', () => {
  it('records a new case as case.changed, answered with its seq', () => {
    expect(record.sync(0, 10)).toEqual({ events: [], lastSeq: 0 });
    const caseId = uuidv7();
    const out = upsert(desk1, caseId, FIELDS);
    expect(out.ack).toEqual({ ok: true, seq: 1 });
    expect(out.events).toEqual([
      {
        seq: 1,
        type: 'case.changed',
        at: T0,
        actor: actorOf(desk1),
        caseId,
        fields: FIELDS,
      },
    ]);
    expect(allEvents()).toEqual(out.events);
  });

  it('answers a repeated message with its first answer and records nothing more', () => {
    const caseId = uuidv7();
    const msg = { changeId: uuidv7(), caseId, baseSeq: 0, fields: FIELDS, actor: actorOf(desk1) };
    const first = record.upsertCase(desk1, msg);
    const again = record.upsertCase(desk1, msg);
    expect(again.ack).toEqual(first.ack);
    expect(again.events).toEqual([]);
    expect(allEvents()).toHaveLength(1);
  });

  it("refuses another desk's edit until it takes the case over; a supervisor may edit", () => {
    const caseId = openCase(desk1);
    const refused = upsert(desk2, caseId, { urgency: 'non_darurat' }, 1);
    expect(refused).toEqual({
      ack: {
        ok: false,
        error: { code: 'auth.not_yours', message: expect.stringContaining('desk-1') },
      },
      events: [],
    });
    expect(allEvents()).toHaveLength(1);

    expect(upsert(spv, caseId, { urgency: 'non_darurat' }, 1).ack).toMatchObject({ ok: true });

    const claim = record.claim(desk2, { changeId: uuidv7(), caseId, actor: actorOf(desk2) });
    expect(claim.events).toEqual([
      expect.objectContaining({ type: 'case.claimed', caseId, holder: 'desk-2' }),
    ]);
    expect(upsert(desk2, caseId, { urgency: 'darurat' }, 3).ack).toMatchObject({ ok: true });
    // The desk that opened it keeps its say over edits it made before the takeover.
    expect(upsert(desk1, caseId, { landmark: 'dekat pasar' }, 1).ack).toMatchObject({ ok: true });
  });

  it('refuses to take over or add to a case that has not reached the hub', () => {
    const caseId = uuidv7();
    const claim = record.claim(desk2, { changeId: uuidv7(), caseId, actor: actorOf(desk2) });
    const note = record.append(desk2, {
      changeId: uuidv7(),
      caseId,
      entry: { kind: 'note', text: 'warga menunggu' },
      actor: actorOf(desk2),
    });
    for (const out of [claim, note]) {
      expect(out.ack).toMatchObject({ ok: false, error: { code: 'case.unknown' } });
      expect(out.events).toEqual([]);
    }
    expect(allEvents()).toEqual([]);
  });

  it('keeps the replaced value on the timeline when a later edit overwrites another desk', () => {
    const caseId = openCase(desk1); // seq 1
    record.claim(desk2, { changeId: uuidv7(), caseId, actor: actorOf(desk2) }); // seq 2
    // desk-1 edits from seq 2; desk-2, also at seq 2, has not seen that edit.
    expect(upsert(desk1, caseId, { description: 'Dua pohon tumbang' }, 2).ack).toEqual({
      ok: true,
      seq: 3,
    });
    const later = upsert(
      desk2,
      caseId,
      { description: 'Pohon sudah dipotong', urgency: 'non_darurat' },
      2,
    );
    expect(later.ack).toEqual({ ok: true, seq: 5 });
    expect(later.events.map((e) => [e.seq, e.type, 'fields' in e ? e.fields : undefined])).toEqual([
      [4, 'case.conflict', { description: 'Dua pohon tumbang' }],
      [5, 'case.changed', { description: 'Pohon sudah dipotong', urgency: 'non_darurat' }],
    ]);
    // An edit made knowing the current value replaces nothing unseen.
    const informed = upsert(desk1, caseId, { description: 'Jalan sudah bersih' }, 5);
    expect(informed.events.map((e) => e.type)).toEqual(['case.changed']);
  });

  it('lets anyone add a note, a co-reporter or a phone call to the OPD', () => {
    const caseId = openCase(desk1);
    const out = record.append(desk2, {
      changeId: uuidv7(),
      caseId,
      entry: { kind: 'note', text: 'Penelepon kedua di lokasi' },
      actor: actorOf(desk2),
    });
    expect(out.ack).toEqual({ ok: true, seq: 2 });
    expect(out.events).toEqual([
      expect.objectContaining({
        type: 'case.appended',
        caseId,
        actor: actorOf(desk2),
        entry: { kind: 'note', text: 'Penelepon kedua di lokasi' },
      }),
    ]);
  });

  it('logs a call that opened no case, with its time and disposition', () => {
    const callId = uuidv7();
    const at = T0 - 60_000;
    const out = record.callLog(desk1, {
      callId,
      at,
      disposition: 'prank',
      callerNumber: '+6281200000000',
      actor: actorOf(desk1),
    });
    expect(out.ack).toEqual({ ok: true, seq: 1 });
    expect(out.events).toEqual([
      expect.objectContaining({
        type: 'call.logged',
        actor: actorOf(desk1),
        call: { callId, at, disposition: 'prank', callerNumber: '+6281200000000' },
      }),
    ]);
    expect(out.events[0]).not.toHaveProperty('caseId');
  });
});

describe('dispatches', () => {
  it("queues a dispatch and hands its OPD the case without an anonymous caller's identity", () => {
    const caseId = openCase();
    clock = T0 + 5000;
    const out = dispatchTo(caseId, 'dlh');
    expect(out.ack).toEqual({ ok: true, hubSeq: 2, queuedAt: T0 + 5000 });
    expect(out.events).toEqual([
      expect.objectContaining({ type: 'dispatch.status', caseId, opdId: 'dlh', status: 'queued' }),
    ]);
    const seen: CaseFields = { ...FIELDS };
    delete seen.callerName;
    delete seen.callerNumber;
    expect(out.delivery).toEqual({
      dispatchId: out.events[0]!.dispatchId,
      caseId,
      status: 'queued',
      queuedAt: T0 + 5000,
      case: seen,
    });
    expect(record.inbox('dlh')).toEqual([out.delivery]);
    expect(record.inbox('dishub')).toEqual([]);
  });

  it('shows the caller to the OPD when the reporter did not ask to stay anonymous', () => {
    const caseId = openCase(desk1, { ...FIELDS, anonim: false });
    expect(dispatchTo(caseId, 'dlh').delivery?.case).toMatchObject({
      callerName: 'Budi',
      callerNumber: '+6281234567890',
    });
  });

  it('hands nothing to push when no inbox is open; the inbox lists it when it opens', () => {
    const caseId = openCase();
    const dispatchId = uuidv7();
    const out = record.dispatch(
      desk1,
      { dispatchId, caseId, opdId: 'dlh', actor: actorOf(desk1) },
      false,
    );
    expect(out.ack).toMatchObject({ ok: true });
    expect(out).not.toHaveProperty('delivery');
    expect(record.inbox('dlh').map((d) => d.dispatchId)).toEqual([dispatchId]);
  });

  it('refuses a dispatch for a case or an OPD the hub does not know, and records nothing', () => {
    const unknownCase = dispatchTo(uuidv7(), 'dlh');
    expect(unknownCase.ack).toMatchObject({ ok: false, error: { code: 'case.unknown' } });
    const caseId = openCase();
    const unknownOpd = dispatchTo(caseId, 'pemadam');
    expect(unknownOpd.ack).toMatchObject({
      ok: false,
      error: { code: 'opd.unknown', message: expect.stringContaining('pemadam') },
    });
    expect(allEvents()).toHaveLength(1);
    expect(record.inbox('dlh')).toEqual([]);
  });

  it('takes a refused dispatch once its case has arrived', () => {
    const caseId = uuidv7();
    const msg = { dispatchId: uuidv7(), caseId, opdId: 'dlh', actor: actorOf(desk1) };
    expect(record.dispatch(desk1, msg).ack).toMatchObject({ ok: false });
    expect(upsert(desk1, caseId, FIELDS).ack).toMatchObject({ ok: true });
    expect(record.dispatch(desk1, msg).ack).toMatchObject({ ok: true });
  });

  it('lets only its OPD move a dispatch, and only along the legal path', () => {
    const caseId = openCase();
    const dispatchId = dispatchTo(caseId, 'dlh').events[0]!.dispatchId!;
    expect(move(dishub, dispatchId, 'accepted').ack).toMatchObject({
      ok: false,
      error: { code: 'auth.not_yours' },
    });
    expect(move(dlh, dispatchId, 'in_progress').ack).toMatchObject({
      ok: false,
      error: { code: 'transition.illegal', message: expect.stringContaining('queued') },
    });
    expect(move(dlh, uuidv7(), 'accepted').ack).toMatchObject({
      ok: false,
      error: { code: 'dispatch.unknown' },
    });
    const statuses = ['accepted', 'in_progress', 'resolved'] as const;
    for (const to of statuses) expect(move(dlh, dispatchId, to).ack).toMatchObject({ ok: true });
    const resolved = allEvents().filter((e) => e.dispatchId === dispatchId);
    expect(resolved.map((e) => e.status)).toEqual(['queued', ...statuses]);
    // A resolved dispatch is done: it leaves the inbox and moves no further.
    expect(record.inbox('dlh')).toEqual([]);
    expect(move(dlh, dispatchId, 'returned', 'bukan wewenang').ack).toMatchObject({
      ok: false,
      error: { code: 'transition.illegal' },
    });
  });

  it("keeps the OPD's reason when it returns a dispatch", () => {
    const dispatchId = dispatchTo(openCase(), 'dlh').events[0]!.dispatchId!;
    const out = move(dlh, dispatchId, 'returned', 'Bukan wewenang DLH: jalan provinsi');
    expect(out.events).toEqual([
      expect.objectContaining({ status: 'returned', note: 'Bukan wewenang DLH: jalan provinsi' }),
    ]);
    expect(record.inbox('dlh')).toEqual([]);
  });

  it('marks a queued dispatch seen once, when its OPD first has it on screen', () => {
    const dispatchId = dispatchTo(openCase(), 'dlh').events[0]!.dispatchId!;
    const seen = record.markSeen(dispatchId, actorOf(dlh));
    expect(seen).toEqual([expect.objectContaining({ status: 'seen', dispatchId })]);
    expect(record.markSeen(dispatchId, actorOf(dlh))).toEqual([]);
    expect(record.markSeen(uuidv7(), actorOf(dlh))).toEqual([]);
    expect(record.inbox('dlh')[0]?.status).toBe('seen');
  });

  it('withdraws an open dispatch for the desk that holds the case, naming the OPD to tell', () => {
    const caseId = openCase(desk1);
    const dispatchId = dispatchTo(caseId, 'dlh').events[0]!.dispatchId!;
    const withdraw = (by: TokenEntry, id = dispatchId) =>
      record.withdraw(by, {
        withdrawId: uuidv7(),
        dispatchId: id,
        reason: 'Laporan dibatalkan',
        actor: actorOf(by),
      });
    expect(withdraw(desk2).ack).toMatchObject({ ok: false, error: { code: 'auth.not_yours' } });
    expect(withdraw(desk1, uuidv7()).ack).toMatchObject({
      ok: false,
      error: { code: 'dispatch.unknown' },
    });
    const out = withdraw(desk1);
    expect(out.ack).toMatchObject({ ok: true });
    expect(out.opdId).toBe('dlh');
    expect(out.events).toEqual([
      expect.objectContaining({ status: 'withdrawn', note: 'Laporan dibatalkan', opdId: 'dlh' }),
    ]);
    expect(record.inbox('dlh')).toEqual([]);
    // Nothing further happens to it, from the OPD or the desk.
    expect(move(dlh, dispatchId, 'accepted').ack).toMatchObject({ ok: false });
    expect(withdraw(desk1).ack).toMatchObject({ ok: false, error: { code: 'transition.illegal' } });
  });

  it('lists an OPD its open dispatches, the longest waiting first', () => {
    const [a, b, c] = [openCase(), openCase(), openCase()];
    clock = T0 + 3000;
    const second = dispatchTo(b, 'dlh').events[0]!.dispatchId!;
    clock = T0 + 1000;
    const first = dispatchTo(a, 'dlh').events[0]!.dispatchId!;
    clock = T0 + 2000;
    const done = dispatchTo(c, 'dlh').events[0]!.dispatchId!;
    move(dlh, done, 'returned', 'bukan wewenang');
    expect(record.inbox('dlh').map((d) => d.dispatchId)).toEqual([first, second]);
  });
});

describe('event log', () => {
  it('hands out events after a seq, a page at a time, with the last seq', () => {
    const caseId = openCase(); // 1
    record.append(desk2, {
      changeId: uuidv7(),
      caseId,
      entry: { kind: 'co_reporter', text: 'Siti, 0812…' },
      actor: actorOf(desk2),
    }); // 2
    dispatchTo(caseId, 'dlh'); // 3
    upsert(desk1, caseId, { urgency: 'non_darurat' }, 3); // 4
    expect(record.sync(0, 2)).toEqual({
      events: [expect.objectContaining({ seq: 1 }), expect.objectContaining({ seq: 2 })],
      lastSeq: 4,
    });
    const rest = record.sync(2, 10);
    expect(rest.events.map((e) => [e.seq, e.type])).toEqual([
      [3, 'dispatch.status'],
      [4, 'case.changed'],
    ]);
    expect(record.sync(4, 10)).toEqual({ events: [], lastSeq: 4 });
  });

  it('keeps the record in the store: a record opened afresh on the same folder has it', () => {
    const caseId = openCase();
    const dispatched = dispatchTo(caseId, 'dlh');
    const before = allEvents();
    db.close();
    db = openHubStore(dir);
    const reopened = createCenterRecord(db, new Set(['dlh']), () => clock);
    expect(reopened.sync(0, 100)).toEqual({ events: before, lastSeq: 2 });
    expect(reopened.inbox('dlh')).toEqual([dispatched.delivery]);
  });
});
