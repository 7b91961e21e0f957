/**
 * The hub's case operations, through the center's record on a real store: who may change
 * a case, what a conflicting edit leaves on the timeline, what anyone may add, the call log.
 */
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  T0,
  desk1,
  desk2,
  spv,
  actorOf,
  FIELDS,
  useCenterRecord,
} from '../tests/support/center-record';
import { hubStoreFile } from './store/database';

const h = useCenterRecord();
const { upsert, openCase, allEvents } = h;

describe('cases', () => {
  it('records a new case as case.changed, answered with its seq', () => {
    expect(h.record.sync(0, 10)).toEqual({ events: [], lastSeq: 0 });
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
    const first = h.record.upsertCase(desk1, msg);
    const again = h.record.upsertCase(desk1, msg);
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

    const claim = h.record.claim(desk2, { changeId: uuidv7(), caseId, actor: actorOf(desk2) });
    expect(claim.events).toEqual([
      expect.objectContaining({ type: 'case.claimed', caseId, holder: 'desk-2' }),
    ]);
    expect(upsert(desk2, caseId, { urgency: 'darurat' }, 3).ack).toMatchObject({ ok: true });
    // The desk that opened it keeps its say over edits it made before the takeover.
    expect(upsert(desk1, caseId, { landmark: 'dekat pasar' }, 1).ack).toMatchObject({ ok: true });
  });

  it('refuses to take over or add to a case that has not reached the hub', () => {
    const caseId = uuidv7();
    const claim = h.record.claim(desk2, { changeId: uuidv7(), caseId, actor: actorOf(desk2) });
    const note = h.record.append(desk2, {
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
    h.record.claim(desk2, { changeId: uuidv7(), caseId, actor: actorOf(desk2) }); // seq 2
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
    const out = h.record.append(desk2, {
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
    const out = h.record.callLog(desk1, {
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
        call: {
          callId,
          at,
          disposition: 'prank',
          callerNumber: '+6281200000000',
          desk: 'desk-1',
          operator: actorOf(desk1).person,
        },
      }),
    ]);
    expect(out.events[0]).not.toHaveProperty('caseId');
  });

  it('keeps a screened call whole, and its callback when the desk sends the call again', () => {
    const callId = uuidv7();
    const screened = {
      callId,
      at: T0 - 90_000,
      endedAt: T0 - 30_000,
      disposition: 'silent' as const,
      callerNumber: '+6281200000001',
      withheld: false,
      note: 'hanya napas',
      ticks: ['no_voice' as const],
      actor: actorOf(desk1),
    };
    expect(h.record.callLog(desk1, screened).ack).toEqual({ ok: true, seq: 1 });
    const callback = { outcome: 'genuine' as const, at: T0 };
    const again = h.record.callLog(desk1, { ...screened, changeId: uuidv7(), callback });
    expect(again.ack).toEqual({ ok: true, seq: 2 });
    expect(again.events[0]).toMatchObject({
      type: 'call.logged',
      call: { callId, note: 'hanya napas', ticks: ['no_voice'], callback, desk: 'desk-1' },
    });

    const db = new Database(hubStoreFile(h.dir()), { readonly: true });
    const row = db.prepare('SELECT * FROM calls WHERE id = ?').get(callId);
    db.close();
    expect(row).toMatchObject({
      at: T0 - 90_000,
      ended_at: T0 - 30_000,
      desk_id: 'desk-1',
      operator: actorOf(desk1).person,
      disposition: 'silent',
      caller_number: '+6281200000001',
      withheld: 0,
      note: 'hanya napas',
      ticks: '["no_voice"]',
      callback: 'genuine',
      callback_at: T0,
      callback_case: null,
    });
  });

  it("refuses a desk's change to another desk's call", () => {
    const callId = uuidv7();
    const call = { callId, at: T0, disposition: 'silent' as const, callerNumber: null };
    expect(h.record.callLog(desk1, { ...call, actor: actorOf(desk1) }).ack).toMatchObject({
      ok: true,
    });
    const out = h.record.callLog(desk2, {
      ...call,
      changeId: uuidv7(),
      callback: { outcome: 'prank', at: T0 },
      actor: actorOf(desk2),
    });
    expect(out.ack).toMatchObject({ ok: false, error: { code: 'auth.not_yours' } });
    expect(allEvents()).toHaveLength(1);
  });
});
