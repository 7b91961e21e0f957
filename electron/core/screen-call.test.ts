/**
 * Screening a call out through the real core and a real SQLite store: one disposition
 * stores the call (no case), queues `call.log` in the same commit, and a silent call's
 * callback is kept on it; other desks' calls from the hub join this desk's history.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { HubEvent } from '../../shared/hub/messages';
import { createLogger } from '../../shared/log';
import { openLocalCore, signInOperator } from '../../tests/support/desk-cores';
import { oneScreen, type OneScreenCore } from '../../tests/support/one-screen';
import { storePath } from './core';
import { createBlockWrites } from './store/blocks';
import { createCallWrites } from './store/calls';
import { createCaseReplica } from './store/case-replica';
import { openStore } from './store/database';
import { createDispatchWrites } from './store/dispatches';
import { createHubEvents } from './store/hub-events';
import { createOutbox } from './store/outbox';

const NOW = Date.UTC(2026, 10, 28, 6, 0, 0);
let dir: string;
let core: OneScreenCore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-screen-'));
  const opened = openLocalCore(dir, () => NOW, 'desk-1');
  oneScreen(opened);
  core = opened;
  await signInOperator(core);
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}

/** What the store holds, read as another process would. */
function read<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(storePath(dir), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const outboxLogs = () =>
  read<{ message_id: string; payload: string }>(
    "SELECT message_id, payload FROM outbox WHERE kind = 'call.log' ORDER BY id",
  ).map((r) => ({ id: r.message_id, ...(JSON.parse(r.payload) as Record<string, unknown>) }));

const screen = (over: Record<string, unknown> = {}) => ({
  callId: uuidv7(),
  startedAt: NOW - 40_000,
  callerNumber: '0812-3456-7890',
  withheld: false,
  disposition: 'prank',
  ...over,
});

describe('a call screened out with one disposition', () => {
  it('is stored with its number, times, desk, operator, note and ticks, and queued for the hub; no case', async () => {
    const args = screen({ note: 'anak-anak tertawa', ticks: ['laughter', 'children'] });
    // A half-typed draft of this call goes with it.
    await call('draft.save', { callId: args.callId, startedAt: args.startedAt, form: {} });
    const result = await call('call.screen', args);
    expect(result).toEqual({
      callId: args.callId,
      disposition: 'prank',
      savedAt: NOW,
      duplicate: false,
      callbackNumber: null,
    });
    expect(read('SELECT * FROM calls')).toEqual([
      expect.objectContaining({
        id: args.callId,
        started_at: NOW - 40_000,
        ended_at: NOW,
        caller_number: '+6281234567890',
        withheld: 0,
        desk_id: 'desk-1',
        operator_name: 'Operator Demo',
        disposition: 'prank',
        case_id: null,
        note: 'anak-anak tertawa',
        ticks: '["laughter","children"]',
        callback: null,
      }),
    ]);
    expect(read('SELECT * FROM cases')).toEqual([]);
    expect(read('SELECT * FROM drafts')).toEqual([]);
    expect(read('SELECT number, calls, cases FROM callers')).toEqual([
      { number: '+6281234567890', calls: 1, cases: 0 },
    ]);
    expect(outboxLogs()).toEqual([
      {
        id: args.callId,
        callId: args.callId,
        at: NOW - 40_000,
        endedAt: NOW,
        disposition: 'prank',
        callerNumber: '+6281234567890',
        withheld: false,
        note: 'anak-anak tertawa',
        ticks: ['laughter', 'children'],
        actor: { id: 'desk-1', role: 'desk', person: 'Operator Demo' },
      },
    ]);
    expect((await call<{ outbox: { calls: number } }>('app.status', {})).outbox.calls).toBe(1);
  });

  it('is stored once when the request is repeated', async () => {
    const args = screen({ disposition: 'misdial' });
    await call('call.screen', args);
    expect(await call('call.screen', args)).toMatchObject({ duplicate: true });
    expect(read('SELECT id FROM calls')).toHaveLength(1);
    expect(outboxLogs()).toHaveLength(1);
  });

  it('keeps a withheld number as withheld and an unreadable one as typed', async () => {
    const hidden = screen({ callerNumber: '', withheld: true, disposition: 'test' });
    const odd = screen({ callerNumber: '12345', disposition: 'info' });
    await call('call.screen', hidden);
    await call('call.screen', odd);
    expect(read('SELECT id, caller_number, withheld, number_text FROM calls ORDER BY id')).toEqual(
      [
        { id: hidden.callId, caller_number: null, withheld: 1, number_text: null },
        { id: odd.callId, caller_number: null, withheld: 0, number_text: '12345' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('refuses bad input with the field named, and stores nothing', async () => {
    for (const [over, field] of [
      [{ disposition: 'case' }, 'disposition'],
      [{ note: 'x'.repeat(201) }, 'note'],
      [{ ticks: ['laughter', 'laughter'] }, 'ticks'],
      [{ ticks: ['giggles'] }, 'ticks.0'],
      [{ withheld: true }, 'callerNumber'],
    ] as const) {
      const r = await core.call('call.screen', screen(over));
      expect(r, field).toMatchObject({
        ok: false,
        error: { code: 'api.invalid_args', fields: { [field]: expect.any(String) } },
      });
    }
    expect(read('SELECT id FROM calls')).toEqual([]);
    expect(outboxLogs()).toEqual([]);
  });

  it('refuses a call that was saved as a case', async () => {
    const callId = uuidv7();
    await call('intake.save', {
      callId,
      startedAt: NOW - 60_000,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '0812 3456 7890',
        categoryId: 'pohon-tumbang',
        urgency: 'darurat',
        description: 'Pohon tumbang menutup jalan',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
      },
    });
    expect(await core.call('call.screen', screen({ callId }))).toMatchObject({ ok: false });
    expect(read('SELECT disposition FROM calls')).toEqual([{ disposition: 'case' }]);
  });
});

describe('a silent call is called back', () => {
  it('offers its number, keeps the outcome on the call and sends the call again with it', async () => {
    const args = screen({ disposition: 'silent', ticks: ['no_voice'] });
    expect(await call('call.screen', args)).toMatchObject({ callbackNumber: '+6281234567890' });
    expect(await call('call.callback', { callId: args.callId, outcome: 'no_answer' })).toEqual({
      callId: args.callId,
      outcome: 'no_answer',
      at: NOW,
      callerNumber: '+6281234567890',
    });
    expect(read('SELECT callback, callback_at FROM calls')).toEqual([
      { callback: 'no_answer', callback_at: NOW },
    ]);
    const [first, again] = outboxLogs();
    expect(first).not.toHaveProperty('callback');
    expect(again).toMatchObject({
      callId: args.callId,
      changeId: again!.id,
      disposition: 'silent',
      ticks: ['no_voice'],
      callback: { outcome: 'no_answer', at: NOW },
    });
    expect(again!.id).not.toBe(args.callId);
    // The same outcome again changes nothing; another one is refused.
    await call('call.callback', { callId: args.callId, outcome: 'no_answer' });
    expect(outboxLogs()).toHaveLength(2);
    expect(
      await core.call('call.callback', { callId: args.callId, outcome: 'prank' }),
    ).toMatchObject({ ok: false, error: { code: 'call.callback_recorded' } });
  });

  it('refuses a callback that cannot be', async () => {
    const prank = screen();
    const hidden = screen({ disposition: 'silent', callerNumber: '', withheld: true });
    await call('call.screen', prank);
    await call('call.screen', hidden);
    for (const [callId, code] of [
      [prank.callId, 'call.not_silent'],
      [hidden.callId, 'call.no_number'],
      [uuidv7(), 'call.not_found'],
    ] as const) {
      expect(await core.call('call.callback', { callId, outcome: 'genuine' })).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    expect(read('SELECT callback FROM calls WHERE callback IS NOT NULL')).toEqual([]);
  });

  it('links a genuine caller’s case to the silent call, both ways, and tells the hub', async () => {
    const silent = screen({ disposition: 'silent' });
    await call('call.screen', silent);
    await call('call.callback', { callId: silent.callId, outcome: 'genuine' });
    const caseCall = uuidv7();
    const saved = await call<{ caseId: string }>('intake.save', {
      callId: caseCall,
      startedAt: NOW - 10_000,
      callbackOf: silent.callId,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '+6281234567890',
        categoryId: 'pohon-tumbang',
        urgency: 'darurat',
        description: 'Ibu tidak bisa bicara tadi, pohon menimpa rumah',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
      },
    });
    expect(read('SELECT id, callback, callback_case, callback_of FROM calls ORDER BY id')).toEqual([
      { id: silent.callId, callback: 'genuine', callback_case: saved.caseId, callback_of: null },
      { id: caseCall, callback: null, callback_case: null, callback_of: silent.callId },
    ]);
    expect(outboxLogs().at(-1)).toMatchObject({
      callId: silent.callId,
      callback: { outcome: 'genuine', caseId: saved.caseId },
    });
  });
});

describe("other desks' calls", () => {
  it('join this desk’s calls and caller history, and a later callback updates them', () => {
    const db = openStore(path.join(dir, 'other.db'));
    const log = createLogger('t', () => undefined);
    const outbox = createOutbox(db);
    const events = createHubEvents(
      db,
      createCaseReplica(db, outbox, 'desk-1', log),
      createDispatchWrites(db, outbox),
      createCallWrites(db, outbox, 'desk-1'),
      createBlockWrites(db, outbox),
    );
    const callId = uuidv7();
    const logged = (seq: number, call: Record<string, unknown>, desk = 'desk-2'): HubEvent => ({
      seq,
      type: 'call.logged',
      at: NOW,
      actor: { id: desk, role: 'desk', person: 'Rina' },
      call: {
        callId,
        at: NOW - 20_000,
        disposition: 'silent',
        callerNumber: '+6281299990000',
        desk,
        operator: 'Rina',
        ...call,
      } as Extract<HubEvent, { type: 'call.logged' }>['call'],
    });
    try {
      expect(events.apply(logged(1, { endedAt: NOW - 5_000, ticks: ['no_voice'] }), NOW)).toBe(
        'applied',
      );
      expect(events.apply(logged(2, { callback: { outcome: 'prank', at: NOW } }), NOW)).toBe(
        'applied',
      );
      // An older desk's call: no end, no note, no ticks; a missing number was withheld.
      const old = uuidv7();
      events.apply(
        {
          seq: 3,
          type: 'call.logged',
          at: NOW,
          actor: { id: 'desk-3', role: 'desk', person: 'Budi' },
          call: { callId: old, at: NOW, disposition: 'prank', callerNumber: null },
        },
        NOW,
      );
      // A call of this desk's that its store no longer has (a desk set up again) is kept too.
      events.apply(logged(4, { callId: uuidv7(), disposition: 'prank' }, 'desk-1'), NOW);
      const rows = db
        .prepare(
          'SELECT id, desk_id, operator_id, operator_name, disposition, caller_number, withheld, ended_at, ticks, callback, callback_at FROM calls ORDER BY desk_id',
        )
        .all();
      expect(rows).toEqual([
        expect.objectContaining({ desk_id: 'desk-1', disposition: 'prank' }),
        {
          id: callId,
          desk_id: 'desk-2',
          operator_id: null,
          operator_name: 'Rina',
          disposition: 'silent',
          caller_number: '+6281299990000',
          withheld: 0,
          ended_at: NOW - 5_000,
          ticks: '["no_voice"]',
          callback: 'prank',
          callback_at: NOW,
        },
        {
          id: old,
          desk_id: 'desk-3',
          operator_id: null,
          operator_name: 'Budi',
          disposition: 'prank',
          caller_number: null,
          withheld: 1,
          ended_at: null,
          ticks: '[]',
          callback: null,
          callback_at: null,
        },
      ]);
      expect(db.prepare('SELECT number, calls FROM callers').all()).toEqual([
        { number: '+6281299990000', calls: 2 },
      ]);
      expect(events.lastSeq()).toBe(4);
    } finally {
      db.close();
    }
  });
});
