/**
 * Soft blocks at the hub, on a real store with a test clock: a burst of silent calls sets
 * an automatic block labelled "panggilan kosong berulang" for 24 hours, once; a supervisor
 * sets and lifts blocks, an operator cannot; after a lift the same calls do not block again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlockRules } from '../shared/domain/blocks';
import type { HubEvent } from '../shared/hub/messages';
import { actorOf, desk1, desk2, T0 } from '../tests/support/center-record';
import { firstSupervisor, passwordHash, person, type Person } from '../tests/support/people';
import { createCenterRecord, type CenterRecord } from './center-record';
import { openHubStore, type HubStore } from './store/database';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NUMBER = '+6281234567890';
const rules: BlockRules = {
  prank: { count: 3, windowMinutes: 60 },
  silent: { count: 3, windowMinutes: 10 },
  autoHours: 24,
};

let dir = '';
let db: HubStore;
let record: CenterRecord;
let clock = T0;
let supervisor: Person;
let operator: Person;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-blocks-'));
  db = openHubStore(dir);
  clock = T0;
  record = createCenterRecord(db, new Set(['dlh']), () => clock, rules);
  const hash = await passwordHash();
  supervisor = firstSupervisor(record, hash);
  operator = person(record, supervisor, 'operator', 'budi', hash);
});
/** Events other than the accounts made above. */
const since = (events: HubEvent[]) => events.filter((e) => e.type !== 'account.changed');
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A screened call as the hub's call.log handler takes it: stored, then the rule runs. */
function logCall(disposition: 'silent' | 'prank' | 'misdial', at = clock, by = desk1): HubEvent[] {
  const msg = {
    callId: uuidv7(),
    at,
    disposition,
    callerNumber: NUMBER,
    actor: actorOf(by),
  } as const;
  const { ack, events } = record.callLog(by, msg);
  expect(ack.ok).toBe(true);
  return [...events, ...record.blockAfterCall(msg, msg.actor)];
}
const flags = (events: HubEvent[]) => events.filter((e) => e.type === 'caller.flag');

describe('automatic soft blocks', () => {
  it('sets one on the call that reaches the count of silent calls, for 24 hours', () => {
    expect(flags(logCall('silent', T0 - 8 * MIN))).toEqual([]);
    expect(flags(logCall('silent', T0 - 4 * MIN, desk2))).toEqual([]);
    const [flag] = flags(logCall('silent', T0));
    expect(flag).toMatchObject({
      type: 'caller.flag',
      number: NUMBER,
      kind: 'auto_silent',
      reason: 'panggilan kosong berulang',
      setAt: T0,
      until: T0 + 24 * HOUR,
      liftedAt: null,
    });
    expect(JSON.stringify(flag)).not.toMatch(/iseng/);
    // It is in the log every desk replays.
    expect(record.sync(0, 100).events.filter((e) => e.type === 'caller.flag')).toHaveLength(1);
  });

  it('does not count a silent call whose callback found a genuine caller', () => {
    logCall('silent', T0 - 8 * MIN);
    const msg = {
      callId: uuidv7(),
      at: T0 - 4 * MIN,
      disposition: 'silent',
      callerNumber: NUMBER,
      actor: actorOf(desk1),
    } as const;
    record.callLog(desk1, msg);
    // Called back: someone who could not speak.
    record.callLog(desk1, {
      ...msg,
      changeId: uuidv7(),
      callback: { outcome: 'genuine', at: T0 - 3 * MIN },
    });
    expect(flags(logCall('silent', T0))).toEqual([]);
  });

  it('does not count silent calls a window apart, nor misdials', () => {
    logCall('silent', T0 - 10 * MIN);
    logCall('misdial', T0 - 5 * MIN);
    logCall('silent', T0 - 3 * MIN);
    expect(flags(logCall('silent', T0))).toEqual([]);
  });

  it('labels a block from pranks as such, and sets no second block while one is in force', () => {
    logCall('prank', T0 - 50 * MIN);
    logCall('prank', T0 - 30 * MIN);
    expect(flags(logCall('prank', T0))[0]).toMatchObject({
      kind: 'auto_prank',
      reason: 'panggilan iseng berulang',
    });
    clock = T0 + MIN;
    expect(flags(logCall('prank', clock))).toEqual([]);
    // After 24 hours the block is over; a new burst sets a new one.
    clock = T0 + 24 * HOUR;
    logCall('prank', clock - 2 * MIN);
    logCall('prank', clock - MIN);
    expect(flags(logCall('prank', clock))[0]).toMatchObject({ until: clock + 24 * HOUR });
  });

  it('after a supervisor lifts it, the calls before the lift do not block the number again', () => {
    logCall('silent', T0 - 2 * MIN);
    logCall('silent', T0 - MIN);
    const [flag] = flags(logCall('silent', T0));
    clock = T0 + MIN;
    const lifted = record.unblock(desk1, {
      unblockId: uuidv7(),
      blockId: (flag as { blockId: string }).blockId,
      personToken: supervisor.token,
      actor: actorOf(desk1),
    });
    expect(lifted.events[0]).toMatchObject({ type: 'caller.flag', liftedAt: T0 + MIN });
    clock = T0 + 2 * MIN;
    expect(flags(logCall('silent', clock))).toEqual([]);
  });
});

describe('blocks set by people', () => {
  const block = (role: 'operator' | 'supervisor', blockId = uuidv7()) =>
    record.block(desk1, {
      blockId,
      number: NUMBER,
      reason: 'Ancaman berulang',
      until: T0 + 2 * HOUR,
      personToken: (role === 'supervisor' ? supervisor : operator).token,
      actor: actorOf(desk1),
    });

  it("refuses an operator's block and changes nothing", () => {
    expect(block('operator').ack).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });
    expect(since(record.sync(0, 10).events)).toEqual([]);
  });

  it("applies a supervisor's block once, however often it is sent", () => {
    const blockId = uuidv7();
    const first = block('supervisor', blockId);
    expect(first.events[0]).toMatchObject({
      kind: 'manual',
      reason: 'Ancaman berulang',
      until: T0 + 2 * HOUR,
      actor: actorOf(desk1),
    });
    expect(block('supervisor', blockId)).toEqual({ ack: first.ack, events: [] });
  });

  it('refuses to lift a block the hub does not know', () => {
    const out = record.unblock(desk1, {
      unblockId: uuidv7(),
      blockId: uuidv7(),
      personToken: supervisor.token,
      actor: actorOf(desk1),
    });
    expect(out.ack).toMatchObject({ ok: false, error: { code: 'block.unknown' } });
  });
});
