/**
 * The outbox sender on its own: a real desk store (SQLite in a temporary folder), a hub
 * link the test answers by hand and timers it moves. The hub sees the outbox in order, at
 * most 32 messages at a time; a message counts as sent only on its ack; a timeout or a
 * passing refusal is retried after a backoff that grows to 5 s at most and starts again on
 * reconnect; a final refusal is stored and holds nothing up; a reconnect mid-window resends
 * from the oldest unsent message at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../shared/log';
import {
  fakeHubLink,
  type FakeHubLink,
  type FakeRequest,
} from '../../../tests/support/fake-hub-link';
import { fakeTimers, type FakeTimers } from '../../../tests/support/fake-timers';
import { createCaseReplica } from '../store/case-replica';
import { openStore, type Store } from '../store/database';
import { createBlockWrites } from '../store/blocks';
import { createDispatchWrites, type DispatchWrites } from '../store/dispatches';
import { createCallWrites } from '../store/calls';
import { createHubEvents, type HubEvents } from '../store/hub-events';
import { createOutbox, type Outbox } from '../store/outbox';
import {
  ACK_TIMEOUT_MS,
  createOutboxSender,
  IN_FLIGHT,
  RETRY_MAX_MS,
  TOKEN_PENDING,
  type OutboxSender,
  type OutboxSenderOptions,
} from './outbox-sender';

const actor = { id: 'desk-1', role: 'desk', person: 'Budi' } as const;
const log = createLogger('test', () => undefined);

let dir: string;
let db: Store;
let outbox: Outbox;
let dispatches: DispatchWrites;
let events: HubEvents;
let clock: FakeTimers;
let link: FakeHubLink;
let sender: OutboxSender;
let hubSeq = 0;
/** Messages the hub acknowledged, in the order it did. */
let acked: string[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-outbox-sender-'));
  db = openStore(path.join(dir, 'console.db'));
  outbox = createOutbox(db);
  dispatches = createDispatchWrites(db, outbox);
  events = createHubEvents(
    db,
    createCaseReplica(db, outbox, 'desk-1', log),
    dispatches,
    createCallWrites(db, outbox, 'desk-1'),
    createBlockWrites(db, outbox),
  );
  clock = fakeTimers();
  hubSeq = 0;
  acked = [];
  link = fakeHubLink(clock, true);
  sender = senderWith({});
  link.onChange((s) => sender.linkChanged(s.state === 'online'));
});

/** A sender on this test's store, link and clock (jitter 0.5 unless `o` says otherwise). */
function senderWith(o: Partial<OutboxSenderOptions>): OutboxSender {
  return createOutboxSender({
    link,
    outbox,
    dispatches,
    events,
    log,
    now: clock.now,
    timers: clock.timers,
    random: () => 0.5,
    atomically: (fn) => db.transaction(fn)(),
    changed: () => undefined,
    ...o,
  });
}

afterEach(() => {
  sender.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `n` call logs to the outbox, as saving silent calls does; their ids in order. */
function write(n: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const callId = uuidv7();
    outbox.enqueue(
      'call.log',
      callId,
      { callId, at: clock.now(), disposition: 'silent', callerNumber: null, actor },
      clock.now(),
    );
    ids.push(callId);
  }
  return ids;
}

const idOf = (r: FakeRequest): string => (r.payload as { callId: string }).callId;
const ok = (r: FakeRequest) => {
  acked.push(idOf(r));
  r.answer({ ok: true, seq: ++hubSeq });
};
const refuse = (r: FakeRequest, code: string) =>
  r.answer({ ok: false, error: { code, message: `refused: ${code}` } });

const rows = () =>
  db
    .prepare<
      [],
      {
        message_id: string;
        sent_at: number | null;
        refused: string | null;
        attempts: number;
        last_error: string | null;
      }
    >('SELECT message_id, sent_at, refused, attempts, last_error FROM outbox ORDER BY id')
    .all();
const waiting = () => outbox.stats().waiting;

describe('the outbox sender', () => {
  it('sends oldest first and counts a message sent only once the hub acks it', async () => {
    const ids = write(3);
    sender.kick();
    await clock.settle();
    expect(sender.state()).toBe('sending');
    expect(link.requests.map(idOf)).toEqual(ids);
    expect(link.requests.every((r) => r.name === 'call.log')).toBe(true);
    expect(waiting()).toBe(3);

    ok(link.requests[0]!);
    // An answer that does not match its schema is a failure, never a success.
    link.requests[1]!.answer({ ok: true, seq: 'soon' });
    ok(link.requests[2]!);
    await clock.settle();
    expect(rows().map((r) => r.sent_at !== null)).toEqual([true, false, true]);
    expect(rows()[1]!.last_error).toMatch(/^protocol\.malformed_ack: seq/);
    expect(sender.state()).toBe('waiting-retry');
  });

  it('keeps at most 32 messages on the wire and refills as acks come', async () => {
    const ids = write(100);
    sender.kick();
    await clock.settle();
    expect(link.open()).toHaveLength(IN_FLIGHT);
    let most = 0;
    while (link.open().length > 0) {
      ok(link.open()[0]!);
      await clock.settle();
      most = Math.max(most, link.open().length);
    }
    expect(most).toBe(IN_FLIGHT);
    expect(link.requests.map(idOf)).toEqual(ids); // each once, in order
    expect(waiting()).toBe(0);
    expect(sender.state()).toBe('idle');
  });

  it('sends nothing newer after a failure, and resends from the failed message', async () => {
    const ids = write(40);
    sender.kick();
    await clock.settle();
    const first = link.open();
    expect(first.map(idOf)).toEqual(ids.slice(0, 32));
    refuse(first[0]!, 'hub.busy'); // a passing refusal: a retry may succeed
    for (const r of first.slice(1)) ok(r);
    await clock.settle();
    expect(link.requests).toHaveLength(32); // messages 33–40 wait behind the failed one
    expect(sender.state()).toBe('waiting-retry');
    expect(rows()[0]).toMatchObject({
      sent_at: null,
      attempts: 1,
      last_error: 'hub.busy: refused: hub.busy',
    });

    await clock.advance(clock.nextIn()!);
    expect(link.open().map(idOf)).toEqual([ids[0], ...ids.slice(32)]);
    for (const r of link.open()) ok(r);
    await clock.settle();
    expect(waiting()).toBe(0);
  });

  it('sends its window to a hub that takes batches in packets of 16, each message settled by its own answer', async () => {
    link.setBatches(true);
    const ids = write(40);
    sender.kick();
    await clock.settle();
    expect(link.open().map((r) => r.name)).toEqual(['batch', 'batch']);
    const inBatch = (r: FakeRequest) =>
      (r.payload as { messages: Array<{ name: string; payload: { callId: string } }> }).messages;
    expect(link.open().flatMap((r) => inBatch(r).map((m) => m.payload.callId))).toEqual(
      ids.slice(0, 32),
    );
    expect(inBatch(link.open()[0]!).every((m) => m.name === 'call.log')).toBe(true);

    // Message 3 is refused for good; the others are in.
    const answers = inBatch(link.open()[0]!).map((_, i) =>
      i === 2
        ? { ok: false, error: { code: 'protocol.invalid', message: 'callerNumber: bad' } }
        : { ok: true, seq: ++hubSeq },
    );
    link.open()[0]!.answer({ ok: true, answers });
    await clock.settle();
    // The window refilled at once, with the last 8 in one more packet.
    expect(link.open().map((r) => inBatch(r).length)).toEqual([16, 8]);
    for (const r of link.open()) {
      r.answer({ ok: true, answers: inBatch(r).map(() => ({ ok: true, seq: ++hubSeq })) });
    }
    await clock.settle();
    expect(rows().map((r) => [r.sent_at !== null, r.refused])).toEqual(
      ids.map((_, i) => (i === 2 ? [false, 'protocol.invalid'] : [true, null])),
    );
    expect(waiting()).toBe(0);
    expect(sender.state()).toBe('idle');
  });

  it('refuses no message of a batch the hub refused or answered wrongly as a whole: it sends them again', async () => {
    link.setBatches(true);
    const ids = write(3);
    sender.kick();
    await clock.settle();
    link
      .open()[0]!
      .answer({ ok: false, error: { code: 'protocol.invalid', message: 'batch: bad' } });
    await clock.settle();
    expect(rows().map((r) => [r.sent_at, r.refused, r.last_error])).toEqual(
      ids.map(() => [null, null, 'Error: protocol.invalid: batch: bad']),
    );
    expect(sender.state()).toBe('waiting-retry');

    await clock.advance(clock.nextIn()!);
    // One answer short: none of them is taken.
    link.open()[0]!.answer({
      ok: true,
      answers: [
        { ok: true, seq: 1 },
        { ok: true, seq: 2 },
      ],
    });
    await clock.settle();
    expect(
      rows().every((r) => r.sent_at === null && /one answer per message/.test(r.last_error!)),
    ).toBe(true);

    // A hub that no longer takes batches (an older node after a failover) gets them one by one.
    link.setBatches(false);
    await clock.advance(clock.nextIn()!);
    expect(link.open().map((r) => [r.name, idOf(r)])).toEqual(ids.map((id) => ['call.log', id]));
    for (const r of link.open()) ok(r);
    await clock.settle();
    expect(waiting()).toBe(0);
  });

  it("sends a supervisor's message only with their token, failing it meanwhile without the wire", async () => {
    sender.stop();
    link.setBatches(true);
    const supervisor: { token?: string } = {};
    sender = senderWith({
      // The first message is the supervisor's: it needs their token on the wire.
      personal: (payload) =>
        (payload as { callId: string }).callId === ids[0]
          ? (supervisor.token ?? TOKEN_PENDING)
          : payload,
    });
    const ids = write(3);
    sender.kick();
    await clock.settle();
    // Only the other two went out (together); the first failed without the wire.
    expect(link.requests.map((r) => r.name)).toEqual(['batch']);
    for (const r of link.open()) {
      const n = (r.payload as { messages: unknown[] }).messages.length;
      r.answer({
        ok: true,
        answers: Array.from({ length: n }, () => ({ ok: true, seq: ++hubSeq })),
      });
    }
    await clock.settle();
    expect(rows()[0]).toMatchObject({ sent_at: null, refused: null });
    expect(rows()[0]!.last_error).toMatch(/token yet/);
    expect(sender.state()).toBe('waiting-retry');

    supervisor.token = 'with-token';
    await clock.advance(clock.nextIn()!);
    expect(link.open().map((r) => [r.name, r.payload])).toEqual([['call.log', 'with-token']]);
    link.open()[0]!.answer({ ok: true, seq: ++hubSeq });
    await clock.settle();
    expect(waiting()).toBe(0);
  });

  it('retries a message the hub did not answer in time', async () => {
    const ids = write(2);
    sender.kick();
    await clock.settle();
    ok(link.requests[1]!);
    await clock.advance(ACK_TIMEOUT_MS - 1);
    expect(sender.state()).toBe('sending');
    await clock.advance(1);
    expect(rows()[0]).toMatchObject({ sent_at: null, attempts: 1 });
    expect(rows()[0]!.last_error).toMatch(/timed out/);
    expect(sender.state()).toBe('waiting-retry');

    await clock.advance(clock.nextIn()!);
    expect(link.open().map(idOf)).toEqual([ids[0]]);
    ok(link.open()[0]!);
    await clock.settle();
    expect(waiting()).toBe(0);
  });

  it('backs off longer after each failure, never past 5 s, jittered', async () => {
    write(1);
    const waits = async (random: number, n: number) => {
      const seen: number[] = [];
      sender.stop();
      // A fresh sender with this jitter, on the same store.
      sender = senderWith({ random: () => random });
      sender.kick();
      for (let i = 0; i < n; i++) {
        await clock.settle();
        refuse(link.open()[0]!, 'hub.busy');
        await clock.settle();
        expect(sender.state()).toBe('waiting-retry');
        seen.push(clock.nextIn()!);
        if (i < n - 1) await clock.advance(clock.nextIn()!);
      }
      return seen;
    };
    expect(await waits(0.5, 7)).toEqual([375, 750, 1500, 3000, 3750, 3750, 3750]);
    const highest = await waits(0.999, 7);
    expect(Math.max(...highest)).toBeLessThanOrEqual(RETRY_MAX_MS);
    expect(highest.at(-1)).toBeGreaterThan(4990);
    expect(await waits(0, 7)).toEqual([250, 500, 1000, 2000, 2500, 2500, 2500]);
  });

  it('stores a final refusal and lets the messages after it through', async () => {
    const ids = write(3);
    sender.kick();
    await clock.settle();
    ok(link.requests[0]!);
    refuse(link.requests[1]!, 'opd.unknown');
    ok(link.requests[2]!);
    await clock.settle();
    expect(rows().map((r) => [r.message_id, r.sent_at !== null, r.refused])).toEqual([
      [ids[0], true, null],
      [ids[1], false, 'opd.unknown'],
      [ids[2], true, null],
    ]);
    expect(waiting()).toBe(0);
    expect(sender.state()).toBe('idle');
    await clock.advance(60_000); // never sent again
    expect(link.requests).toHaveLength(3);
  });

  it('sends nothing while offline and everything, in order, once back', async () => {
    link.goOffline();
    const ids = write(3);
    sender.kick();
    await clock.advance(30_000);
    expect(sender.state()).toBe('offline');
    expect(link.requests).toHaveLength(0);
    expect(rows().every((r) => r.attempts === 0)).toBe(true);

    link.goOnline();
    await clock.settle();
    expect(link.open().map(idOf)).toEqual(ids);
  });

  it('resends from the oldest unacked message at once when the link comes back mid-window', async () => {
    const ids = write(40);
    sender.kick();
    await clock.settle();
    const window = link.open();
    expect(window).toHaveLength(IN_FLIGHT);
    for (const r of window.slice(0, 10)) ok(r);
    link.goOffline(); // the other 22 fail with the connection
    link.goOnline();
    await clock.settle();
    // No backoff wait: the next round went out as soon as the window was settled.
    expect(link.open().map(idOf)).toEqual(ids.slice(10));
    for (const r of link.open()) ok(r);
    await clock.settle();
    expect(waiting()).toBe(0);
    expect(acked).toEqual(ids); // each acked once, in order
    expect(sender.state()).toBe('idle');
  });

  it('starts the backoff over when the link comes back', async () => {
    const [id] = write(1);
    sender.kick();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await clock.settle();
      refuse(link.open()[0]!, 'hub.busy');
      await clock.settle();
      waits.push(clock.nextIn()!);
      if (i < 2) await clock.advance(clock.nextIn()!);
    }
    expect(waits).toEqual([375, 750, 1500]);
    link.goOffline();
    expect(sender.state()).toBe('offline');
    link.goOnline();
    await clock.settle();
    expect(link.open().map(idOf)).toEqual([id]); // at once, not after the 1.5 s
    refuse(link.open()[0]!, 'hub.busy');
    await clock.settle();
    expect(clock.nextIn()).toBe(375);
  });
});
