/**
 * The event applier on its own: a real desk store (SQLite in a temporary folder), a hub
 * link the test answers by hand and timers it moves. Events apply in strict seq order; a
 * gap asks `sync` for what is missing; an event of a type this desk does not know moves
 * the last seq on, logged once; a sync that times out is asked again after a backoff, and
 * at once when the link comes back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../shared/log';
import { fakeHubLink, type FakeHubLink } from '../../../tests/support/fake-hub-link';
import { fakeTimers, type FakeTimers } from '../../../tests/support/fake-timers';
import { createCaseReplica } from '../store/case-replica';
import { openStore, type Store } from '../store/database';
import { createBlockWrites } from '../store/blocks';
import { createDispatchWrites } from '../store/dispatches';
import { createCallWrites } from '../store/calls';
import { createHubEvents, type HubEvents } from '../store/hub-events';
import { createOutbox } from '../store/outbox';
import { createEventApplier, SYNC_TIMEOUT_MS, type EventApplier } from './event-applier';

const log = createLogger('test', (line) => lines.push(line));
let lines: string[] = [];
let dir: string;
let db: Store;
let events: HubEvents;
let clock: FakeTimers;
let link: FakeHubLink;
let applier: EventApplier;

beforeEach(() => {
  lines = [];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-event-applier-'));
  db = openStore(path.join(dir, 'console.db'));
  const outbox = createOutbox(db);
  const dispatches = createDispatchWrites(db, outbox);
  events = createHubEvents(
    db,
    createCaseReplica(db, outbox, 'desk-1', log),
    dispatches,
    createCallWrites(db, outbox, 'desk-1'),
    createBlockWrites(db, outbox),
  );
  clock = fakeTimers();
  link = fakeHubLink(clock);
  applier = createEventApplier({
    link,
    events,
    log,
    now: clock.now,
    timers: clock.timers,
    random: () => 0.5,
    atomically: (fn) => db.transaction(fn)(),
    changed: () => undefined,
    sending: () => false,
  });
  link.onChange((s) => applier.linkChanged(s.state === 'online'));
  link.onEvent((raw) => applier.pushed(raw));
});

afterEach(() => {
  applier.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A call another desk logged, as the hub pushes it: it moves only the last seq here. */
const logged = (seq: number) => ({
  seq,
  type: 'call.logged',
  at: clock.now(),
  actor: { id: 'desk-2', role: 'desk', person: 'Sari' },
  call: { callId: uuidv7(), at: clock.now(), disposition: 'silent', callerNumber: null },
});
/** An event of a type a newer hub has and this desk does not. */
const escalated = (seq: number) => ({ ...logged(seq), type: 'case.escalated', level: 2 });

const syncs = () => link.requests.filter((r) => r.name === 'sync');

describe('the event applier', () => {
  it('applies pushed events in seq order and syncs a gap instead of applying past it', async () => {
    link.push(logged(1));
    await clock.settle();
    expect(events.lastSeq()).toBe(1);

    link.push(logged(3)); // 2 never came
    await clock.settle();
    expect(events.lastSeq()).toBe(1);
    expect(applier.syncState()).toBe('syncing');
    expect(syncs().map((r) => r.payload)).toEqual([{ sinceSeq: 1, limit: 500 }]);

    syncs()[0]!.answer({ ok: true, events: [logged(2), logged(3)], lastSeq: 3 });
    await clock.settle();
    expect(events.lastSeq()).toBe(3);
    expect(applier.syncState()).toBe('idle');

    link.push(logged(3)); // a repeat changes nothing and asks for nothing
    await clock.settle();
    expect(events.lastSeq()).toBe(3);
    expect(syncs()).toHaveLength(1);
  });

  it('moves past events it cannot use, telling the log once per type', async () => {
    applier.sync();
    await clock.settle();
    syncs()[0]!.answer({
      ok: true,
      events: [logged(1), escalated(2), escalated(3), logged(4)],
      lastSeq: 4,
    });
    await clock.settle();
    expect(events.lastSeq()).toBe(4);
    const told = lines.filter((l) => l.includes('cannot use'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('case.escalated');

    link.push(escalated(5));
    link.push(logged(6));
    await clock.settle();
    expect(events.lastSeq()).toBe(6);
    expect(lines.filter((l) => l.includes('cannot use'))).toHaveLength(1);
  });

  it('asks again when a gap shows up while a sync is under way', async () => {
    applier.sync();
    await clock.settle();
    link.push(logged(5)); // a gap seen mid-sync
    await clock.settle();
    expect(syncs()).toHaveLength(1);
    syncs()[0]!.answer({ ok: true, events: [logged(1), logged(2)], lastSeq: 2 });
    await clock.settle();
    expect(syncs().map((r) => r.payload)).toEqual([
      { sinceSeq: 0, limit: 500 },
      { sinceSeq: 2, limit: 500 },
    ]);
  });

  it('retries a sync that timed out after a backoff, and at once when the link is back', async () => {
    applier.sync();
    await clock.advance(SYNC_TIMEOUT_MS);
    expect(applier.syncState()).toBe('waiting-retry');
    expect(clock.nextIn()).toBe(375);
    await clock.advance(375);
    expect(syncs()).toHaveLength(2);
    await clock.advance(SYNC_TIMEOUT_MS);
    expect(clock.nextIn()).toBe(750); // longer each time

    link.goOffline();
    link.goOnline();
    await clock.settle();
    expect(syncs()).toHaveLength(3); // no wait for the backoff
    syncs()[2]!.answer({ ok: true, events: [logged(1)], lastSeq: 1 });
    await clock.settle();
    expect(events.lastSeq()).toBe(1);
    expect(applier.syncState()).toBe('idle');
  });
});
