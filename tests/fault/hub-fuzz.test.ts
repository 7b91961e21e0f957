/**
 * Hostile peers against a standalone hub process: seeded random socket.io and engine.io
 * frames (names of every JSON type or none, payloads made from the protocol's schemas and
 * mutated, binary attachments, packets without an ack id) from a desk, an OPD and a
 * supervisor token; supervisor-only messages carry real people's tokens (a supervisor's
 * and an operator's) as often as made-up ones. After every message the hub refuses, the event log's max(seq) and the
 * count of stored answers, read on a second, read-only connection to hub.db, are
 * unchanged; every `ok: true` to an idempotent message is stored under its own type and
 * sender. At the end the hub is the same process and a valid dispatch is acknowledged.
 * Small in `npm test`; `npm run test:soak` sends 20,000 frames with a fresh seed.
 */
import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { faultSeed, faultSize, replayHint } from '../support/fault-seed';
import { describeName, nextFrame, type Frame } from '../support/fuzz-frames';
import { ID_KEY, seededUuid, type FuzzWorld } from '../support/fuzz-payloads';
import { centerDemoAccounts } from '../support/desk-cores';
import { peerSockets, send } from '../support/hub-peers';
import { describeEachStore, storeArgs as storeArgsFor } from '../support/hub-stores';
import { openStoreReader, type StoreReader } from '../support/hub-store-reader';
import { randomToken, startHub, tempDir, writeTokens, type HubProc } from '../support/processes';
import { connectRaw, type RawPeer } from '../support/raw-peer';

const tokens = [
  { token: randomToken(), kind: 'desk' as const, id: 'desk-1' },
  { token: randomToken(), kind: 'desk' as const, id: 'desk-2' },
  { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' },
  { token: randomToken(), kind: 'supervisor' as const, id: 'spv-1', person: 'Budi' },
];
const namespaceOf = { desk: '/desk', opd: '/opd', supervisor: '/supervisor' } as const;
const actorOf = (t: (typeof tokens)[number]) => ({
  id: t.id,
  role: t.kind,
  person: t.person ?? 'Operator Demo',
});

let hub: HubProc | undefined;
let reader: StoreReader | undefined;
const peers = peerSockets();
afterEach(async () => {
  peers.closeAll();
  await reader?.close();
  reader = undefined;
  await hub?.stop();
});

describeEachStore('hub under hostile frames', (store) => {
  it('refuses every bad message without a trace and stays the same process', async () => {
    const { seed, random: r } = faultSeed('hub-fuzz', 7);
    const total = faultSize(200, 20_000);
    const dir = tempDir();
    // Real people at the hub, so that supervisor messages reach past the token check.
    const demo = centerDemoAccounts(dir, []);
    const storeArgs = await storeArgsFor(store);
    hub = await startHub(dir, writeTokens(dir, tokens), 0, [...demo, ...storeArgs]);
    const pid = hub.child.pid;
    reader = await openStoreReader(dir, storeArgs);
    const { get } = reader;
    const state = async () =>
      (await get<{ seq: number | null; applied: number }>(
        'SELECT (SELECT max(seq) FROM events) AS seq, (SELECT count(*) FROM applied) AS applied',
      ))!;
    const storedAs = (id: string) =>
      get<{ type: string; sender: string }>('SELECT type, sender FROM applied WHERE id = ?', id);

    // A few real cases and dispatches, so that fuzzed messages reach the deeper checks.
    const world: FuzzWorld = {
      ids: [],
      applied: [],
      caseIds: [],
      dispatchIds: [],
      opdIds: ['dlh', 'dishub', 'nasa'],
      actors: tokens.map(actorOf),
      lastSeq: 0,
      personTokens: [],
      usernames: [],
      accountIds: [],
    };
    const desk = await peers.connect(`${hub.url}/desk`, tokens[0]!.token);
    const people = JSON.parse(fs.readFileSync(demo[1]!, 'utf8')) as {
      accounts: Array<{ username: string; password: string }>;
    };
    for (const { username, password } of people.accounts) {
      const opened = (await send(desk, 'session.open', {
        username,
        password,
        actor: actorOf(tokens[0]!),
      })) as { ok: boolean; token: string; account: { id: string } };
      expect(opened.ok).toBe(true);
      world.personTokens = [...world.personTokens, opened.token];
      world.usernames = [...world.usernames, username];
      world.accountIds = [...world.accountIds, opened.account.id];
    }
    for (let i = 0; i < 3; i++) {
      const caseId = seededUuid(r);
      const dispatchId = seededUuid(r);
      const deskActor = actorOf(tokens[0]!);
      const fields = { categoryId: 'sampah', description: `Sampah menumpuk ${i}` };
      await send(desk, 'case.upsert', {
        changeId: seededUuid(r),
        caseId,
        baseSeq: 0,
        fields,
        actor: deskActor,
      });
      await send(desk, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor });
      world.caseIds.push(caseId);
      world.dispatchIds.push(dispatchId);
      world.ids.push(caseId);
      world.applied.push(dispatchId);
    }

    const raw = new Map<string, RawPeer>();
    const peerFor = async (t: (typeof tokens)[number]): Promise<RawPeer> => {
      const open = raw.get(t.token);
      if (open && !open.closed()) return open;
      const peer = await connectRaw(hub!.url, namespaceOf[t.kind], t.token);
      raw.set(t.token, peer);
      return peer;
    };
    /** Once `hello` is answered, every frame sent before it on the peer has been handled. */
    const settled = async (t: (typeof tokens)[number]): Promise<void> => {
      for (;;) {
        const answer = await (await peerFor(t)).request('["hello",{}]', { timeoutMs: 60_000 });
        if (answer) return;
      }
    };

    const tally = new Map<string, number>();
    const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);
    let step = 0;
    let frame: Frame | undefined;
    try {
      let before = await state();
      for (step = 0; step < total; step++) {
        const t = r.pick(tokens);
        world.lastSeq = before.seq ?? 0;
        frame = nextFrame(r, world, namespaceOf[t.kind]);
        const peer = await peerFor(t);
        let answered: Promise<unknown[] | undefined> | undefined;
        if (frame.kind === 'raw') {
          for (const f of frame.frames) peer.frame(f);
        } else {
          // Not awaited before the hello: a packet still waiting for announced attachments
          // is only ended by the next frame (the hub then closes the link).
          answered = peer.request(frame.json, {
            attachments: frame.attachments,
            announced: frame.announced,
            timeoutMs: 60_000,
          });
          if (frame.id) world.ids.push(frame.id);
        }
        await settled(t);
        // Answers come in arrival order: once hello is answered, this one is in (or never).
        const answer = (await answered)?.[0];
        const after = await state();
        const ok = (answer as { ok?: unknown } | undefined)?.ok === true;
        if (!ok) {
          const code = (answer as { error?: { code?: string } } | undefined)?.error?.code;
          count(frame.kind === 'raw' ? 'raw' : answer === undefined ? 'no answer' : code!);
          expect(after, 'a refused message changed the hub').toEqual(before);
          if (frame.kind === 'request' && answer === undefined)
            expect(peer.closed(), 'an unanswered request left the link open').toBe(true);
        } else {
          count('ok');
          const name = (frame as { name: unknown }).name as string;
          if (frame.kind === 'request' && frame.id && Object.hasOwn(ID_KEY, name)) {
            // ok:true for an idempotent message means it was applied: its answer is stored
            // under its own type and sender.
            expect(await storedAs(frame.id)).toEqual({ type: name, sender: `${t.kind}:${t.id}` });
            world.applied.push(frame.id);
          }
          before = after;
        }
      }
    } catch (error) {
      const what = frame && (frame.kind === 'raw' ? frame.label : describeName(frame.name));
      process.stdout.write(`hub-fuzz: step ${step}, ${what}\n${replayHint('hub-fuzz', seed)}\n`);
      throw error;
    } finally {
      for (const p of raw.values()) p.close();
    }

    // The same hub process serves a valid dispatch.
    expect(hub.child.exitCode).toBeNull();
    expect(hub.child.pid).toBe(pid);
    const fresh = await peers.connect(`${hub.url}/desk`, tokens[1]!.token);
    const deskActor = actorOf(tokens[1]!);
    const caseId = seededUuid(r);
    const dispatchId = seededUuid(r);
    const fields = { categoryId: 'pohon-tumbang', description: 'Pohon tumbang Jl. Pahlawan' };
    expect(
      await send(fresh, 'case.upsert', {
        changeId: seededUuid(r),
        caseId,
        baseSeq: 0,
        fields,
        actor: deskActor,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await send(fresh, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor }),
    ).toMatchObject({ ok: true, hubSeq: (await state()).seq });
    expect(await storedAs(dispatchId)).toEqual({ type: 'dispatch', sender: 'desk:desk-2' });
    process.stdout.write(
      `hub-fuzz: ${total} frames, ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}\n`,
    );
  }, 1_800_000);
});
