/**
 * Two hub processes on one PostgreSQL record serve one center: a desk on node A and a desk
 * on node B see the same events in the same gapless seq order; an OPD inbox on node B
 * receives what a desk dispatched through node A, and its acceptance reaches the desk on A;
 * one dispatchId sent through both nodes at once is stored once; each node's supervisors
 * see the desks and inbox pages connected to the other.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { DashboardPush } from '../../shared/hub/dashboard';
import type { OpdDispatch } from '../../shared/hub/opd-messages';
import { peerSockets, send, upsertBy } from '../support/hub-peers';
import { describeOnPostgres } from '../support/hub-stores';
import { openStoreReader, type StoreReader } from '../support/hub-store-reader';
import { startPostgres, type PostgresServer } from '../support/postgres';
import {
  randomToken,
  startHub,
  tempDir,
  until,
  writeTokens,
  type HubProc,
} from '../support/processes';
import type { WireEvent } from '../support/wire-event';

const desk1 = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const desk2 = { token: randomToken(), kind: 'desk' as const, id: 'desk-2' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const boss = { token: randomToken(), kind: 'supervisor' as const, id: 'spv', person: 'Bu Rina' };
const actor1 = { id: 'desk-1', role: 'desk', person: 'Operator Satu' };
const actor2 = { id: 'desk-2', role: 'desk', person: 'Operator Dua' };
const dlhActor = { id: 'dlh', role: 'opd', person: 'Sari' };

describeOnPostgres('two hub nodes on one record', () => {
  let pg: PostgresServer;
  let a: HubProc;
  let b: HubProc;
  let reader: StoreReader;
  const peers = peerSockets();

  beforeAll(async () => {
    pg = await startPostgres();
    const url = await pg.createDatabase('cluster');
    const dir = tempDir();
    const tokens = writeTokens(dir, [desk1, desk2, dlh, boss]);
    // Started together: both migrate the empty database, under its lock, once.
    [a, b] = await Promise.all([
      startHub(tempDir(), tokens, 0, ['--store', url]),
      startHub(tempDir(), tokens, 0, ['--store', url]),
    ]);
    reader = await openStoreReader(dir, ['--store', url]);
  }, 120_000);
  afterAll(async () => {
    peers.closeAll();
    await reader?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await pg?.stop();
  });

  const on = (hub: HubProc, ns: string, token: string): Promise<Socket> =>
    peers.connect(`${hub.url}${ns}`, token);
  const eventsOf = (s: Socket): WireEvent[] => {
    const seen: WireEvent[] = [];
    s.on('event', (e: WireEvent) => seen.push(e));
    return seen;
  };

  it('streams one gapless order to desks on both nodes, and carries a dispatch to an inbox on the other', async () => {
    const d1 = await on(a, '/desk', desk1.token);
    const d2 = await on(b, '/desk', desk2.token);
    const seen1 = eventsOf(d1);
    const seen2 = eventsOf(d2);
    const inbox = await on(b, '/opd', dlh.token);
    const delivered: OpdDispatch[] = [];
    inbox.on('dispatch.new', (x: OpdDispatch, ack: (ok: boolean) => void) => {
      delivered.push(x);
      ack(true);
    });

    // Both desks write at once, each through its own node.
    const cases = await Promise.all(
      [...Array(10).keys()].map(async (i) => {
        const [s, actor] = i % 2 === 0 ? [d1, actor1] : [d2, actor2];
        const caseId = uuidv7();
        const upsert = upsertBy(actor);
        expect(
          await send(
            s,
            'case.upsert',
            upsert(caseId, { categoryId: 'sampah', description: `Sampah ${i}` }),
          ),
        ).toMatchObject({ ok: true });
        return { caseId, s, actor };
      }),
    );
    const first = cases[0]!;
    const dispatchId = uuidv7();
    expect(
      await send(d1, 'dispatch', { dispatchId, caseId: first.caseId, opdId: 'dlh', actor: actor1 }),
    ).toMatchObject({ ok: true });

    // The inbox page on node B has it, and says it has seen it.
    await until(() => delivered.find((x) => x.dispatchId === dispatchId), 10_000);
    expect(
      await send(inbox, 'transition', {
        transitionId: uuidv7(),
        dispatchId,
        to: 'accepted',
        note: '',
        actor: dlhActor,
      }),
    ).toMatchObject({ ok: true });

    const { last } = (await reader.get<{ last: number }>('SELECT max(seq) AS last FROM events'))!;
    await until(() => seen1.at(-1)?.seq === last && seen2.at(-1)?.seq === last, 10_000);
    const seqs = (seen: WireEvent[]) => seen.map((e) => e.seq);
    expect(seqs(seen1)).toEqual([...Array(last).keys()].map((i) => i + 1));
    expect(seqs(seen2)).toEqual(seqs(seen1));
    expect(seen2.map((e) => e.type)).toEqual(seen1.map((e) => e.type));
    // desk-1 on node A heard the acceptance made on node B.
    expect(
      seen1.some(
        (e) =>
          e.type === 'dispatch.status' && e.dispatchId === dispatchId && e.status === 'accepted',
      ),
    ).toBe(true);
  });

  it('stores one dispatchId sent through both nodes at once once, and answers both alike', async () => {
    const d1 = await on(a, '/desk', desk1.token);
    const d1b = await on(b, '/desk', desk1.token);
    const caseId = uuidv7();
    expect(
      await send(
        d1,
        'case.upsert',
        upsertBy(actor1)(caseId, { categoryId: 'sampah', description: 'x' }),
      ),
    ).toMatchObject({ ok: true });
    const dispatchId = uuidv7();
    const message = { dispatchId, caseId, opdId: 'dlh', actor: actor1 };
    const [viaA, viaB] = await Promise.all([
      send(d1, 'dispatch', message),
      send(d1b, 'dispatch', message),
    ]);
    expect(viaA).toMatchObject({ ok: true });
    expect(viaB).toEqual(viaA);
    const stored = await reader.get<{ dispatches: number; applied: number; queued: number }>(
      `SELECT (SELECT count(*) FROM dispatches WHERE id = ?) AS dispatches,
              (SELECT count(*) FROM applied WHERE id = ?) AS applied,
              (SELECT count(*) FROM events WHERE type = 'dispatch.status' AND body LIKE ?) AS queued`,
      dispatchId,
      dispatchId,
      `%${dispatchId}%"queued"%`,
    );
    expect(stored).toEqual({ dispatches: 1, applied: 1, queued: 1 });
  });

  it("shows each node's supervisors the desks and inbox pages on the other", async () => {
    const spv = await on(a, '/supervisor', boss.token);
    const pushes: DashboardPush[] = [];
    spv.on('dashboard', (raw: unknown) => pushes.push(DashboardPush.parse(raw)));
    // desk-2 and DLH's inbox page are connected to node B only (from the first test).
    const seen = await until(() => {
      const p = pushes.at(-1);
      const desk = p?.desks.find((d) => d.deskId === 'desk-2');
      const watched = p?.opds.find((o) => o.opdId === 'dlh')?.watchers ?? 0;
      return desk?.online && watched > 0 ? p : undefined;
    }, 15_000);
    expect(seen!.opds.find((o) => o.opdId === 'dlh')?.watchers).toBe(1);
  });
});
