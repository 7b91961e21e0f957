/**
 * The restore drill of docs/DEPLOY.md, with real processes: a hub on PostgreSQL takes cases
 * and dispatches from a desk, and keeps taking them while `pg_dump` (custom format) copies
 * its database; the dump is restored into a new database and a hub started on it. That hub
 * answers `sync` from 0 with the live record's events up to the dump, unchanged and gapless,
 * holding every dispatch acknowledged before the dump began; answers a repeat of a dispatch
 * it holds with its first answer, storing nothing; and numbers the next event right after
 * the restored ones.
 */
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { peerSockets, send, upsertBy } from '../support/hub-peers';
import { describeOnPostgres } from '../support/hub-stores';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { randomToken, startHub, tempDir, writeTokens, type HubProc } from '../support/processes';
import type { WireEvent } from '../support/wire-event';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const actor = { id: 'desk-1', role: 'desk', person: 'Operator Satu' };
const dlhActor = { id: 'dlh', role: 'opd', person: 'Sari' };
const upsert = upsertBy(actor);

interface DispatchMessage {
  dispatchId: string;
  caseId: string;
  opdId: string;
  actor: typeof actor;
}
interface DispatchAnswer {
  ok: boolean;
  hubSeq: number;
  queuedAt: number;
}

/** Every event of the hub's record, asked page by page from seq 0 as a new desk does. */
async function syncAll(s: Socket): Promise<WireEvent[]> {
  const events: WireEvent[] = [];
  for (;;) {
    const page = (await send(s, 'sync', {
      sinceSeq: events.at(-1)?.seq ?? 0,
      limit: 1000,
    })) as { ok: boolean; events: WireEvent[]; lastSeq: number };
    expect(page.ok).toBe(true);
    events.push(...page.events);
    if (page.events.length === 0 || events.at(-1)!.seq >= page.lastSeq) return events;
  }
}

/** A new case and its dispatch to DLH, through the desk; the dispatch's message and answer. */
async function caseAndDispatch(s: Socket, n: number) {
  const caseId = uuidv7();
  expect(
    await send(
      s,
      'case.upsert',
      upsert(caseId, { categoryId: 'sampah', description: `Sampah ${n}` }),
    ),
  ).toMatchObject({ ok: true });
  const message: DispatchMessage = { dispatchId: uuidv7(), caseId, opdId: 'dlh', actor };
  const answer = (await send(s, 'dispatch', message)) as DispatchAnswer;
  expect(answer).toMatchObject({ ok: true });
  return { message, answer };
}

describeOnPostgres('restoring a pg_dump of the record', () => {
  let pg: PostgresServer;
  let dir: string;
  let tokens: string;
  let live: HubProc | undefined;
  let restored: HubProc | undefined;
  const peers = peerSockets();

  beforeAll(async () => {
    pg = await startPostgres();
    dir = tempDir();
    tokens = writeTokens(dir, [desk, dlh]);
    live = await startHub(tempDir(), tokens, 0, ['--store', await pg.createDatabase('live')]);
  }, 120_000);
  afterAll(async () => {
    peers.closeAll();
    await Promise.all([live?.stop(), restored?.stop()]);
    await pg?.stop();
  });

  it('gives a hub on the restored database the same events, the same answers, and the next seq', async () => {
    const d = await peers.connect(`${live!.url}/desk`, desk.token);
    const inbox = await peers.connect(`${live!.url}/opd`, dlh.token);
    inbox.on('dispatch.new', (_x: unknown, ack: (ok: boolean) => void) => ack(true));

    // Before the dump: cases, dispatches, and an OPD's acceptance of some of them.
    const sent: { message: DispatchMessage; answer: DispatchAnswer }[] = [];
    for (let n = 0; n < 12; n++) sent.push(await caseAndDispatch(d, n));
    for (const { message } of sent.slice(0, 4)) {
      expect(
        await send(inbox, 'transition', {
          transitionId: uuidv7(),
          dispatchId: message.dispatchId,
          to: 'accepted',
          note: '',
          actor: dlhActor,
        }),
      ).toMatchObject({ ok: true });
    }

    // The desk keeps dispatching while pg_dump runs: the dump is taken from a hub in service.
    let writing = true;
    const during: typeof sent = [];
    const load = (async () => {
      for (let n = 100; writing; n++) during.push(await caseAndDispatch(d, n));
    })();
    const dump = path.join(dir, 'center.dump');
    try {
      await pg.dump(dump, 'live');
    } finally {
      writing = false;
      await load;
    }
    const liveEvents = await syncAll(d);
    peers.closeAll();
    await live!.stop();
    live = undefined;

    const url = await pg.restore(dump, 'restored');
    restored = await startHub(tempDir(), tokens, 0, ['--store', url]);
    const r = await peers.connect(`${restored.url}/desk`, desk.token);
    const restoredEvents = await syncAll(r);

    // A consistent snapshot of the record: seq 1…N with no gap, each event as it was served.
    const last = restoredEvents.length;
    expect(restoredEvents.map((e) => e.seq)).toEqual([...Array(last).keys()].map((i) => i + 1));
    expect(restoredEvents).toEqual(liveEvents.slice(0, last));
    // Everything acknowledged before the dump began is in it.
    const queued = new Map(
      restoredEvents
        .filter((e) => e.type === 'dispatch.status' && e.status === 'queued')
        .map((e) => [e.dispatchId, e.seq]),
    );
    for (const { message, answer } of sent)
      expect(queued.get(message.dispatchId)).toBe(answer.hubSeq);
    expect(
      restoredEvents.filter((e) => e.type === 'dispatch.status' && e.status === 'accepted'),
    ).toHaveLength(4);

    // A desk retrying a dispatch the restored record holds gets its first answer; nothing new.
    const repeat = sent[7]!;
    expect(await send(r, 'dispatch', repeat.message)).toEqual(repeat.answer);
    const kept = during.find((x) => queued.has(x.message.dispatchId));
    if (kept) expect(await send(r, 'dispatch', kept.message)).toEqual(kept.answer);
    expect(await syncAll(r)).toEqual(restoredEvents);

    // The next change continues the order: seq N+1, N+2, no gap and no number used twice.
    const next = await caseAndDispatch(r, 999);
    const after = await syncAll(r);
    expect(after.slice(0, last)).toEqual(restoredEvents);
    expect(after.slice(last).map((e) => e.seq)).toEqual([last + 1, last + 2]);
    expect(after.at(-1)).toMatchObject({
      seq: next.answer.hubSeq,
      type: 'dispatch.status',
      dispatchId: next.message.dispatchId,
      status: 'queued',
    });
  }, 120_000);
});
