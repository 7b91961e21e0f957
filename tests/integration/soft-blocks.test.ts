/**
 * Soft blocks across the center: a real hub process, two desk cores and a third desk's
 * socket. A burst of silent calls sets the automatic block on every desk, labelled
 * "panggilan kosong berulang"; a desk that was offline then has it once it reconnects; a
 * supervisor's block and its lift reach the other desk; an operator's block is refused by
 * the desk and by the hub.
 */
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleSession, Core } from '../../electron/core/core';
import type { Block } from '../../shared/domain/blocks';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { peerSockets, send } from '../support/hub-peers';
import { randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const tokens = { 'desk-1': randomToken(), 'desk-2': randomToken(), 'desk-3': randomToken() };
const NUMBER = '+6281234567890';
const TYPED = '0812-3456-7890';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = tempDir();
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
    { token: tokens['desk-3'], kind: 'desk', id: 'desk-3' },
  ]);
  const hub = await startHub(
    path.join(dir, 'hub'),
    tokensFile,
    0,
    centerDemoAccounts(dir, ['desk-1', 'desk-2']),
  );
  cleanups.push(() => hub.stop());
  const peers = peerSockets();
  cleanups.push(() => peers.closeAll());

  /** Opens (or reopens, on the same store) a desk and signs its operator and supervisor in. */
  const desk = async (deskId: 'desk-1' | 'desk-2') => {
    const dataDir = path.join(dir, deskId);
    const core: Core = openDeskCore({ dir, deskId, hubUrl: hub.url, hubToken: tokens[deskId] });
    let closed = false;
    const close = () => {
      if (!closed) core.close();
      closed = true;
    };
    cleanups.push(close);
    const accounts = await demoAccounts(core, dataDir);
    const signIn = async (username: string) => {
      const screen = core.openSession();
      const a = accounts.find((x) => x.username === username)!;
      await call(screen, 'auth.signIn', { username, password: a.password });
      return screen;
    };
    const operator = await signIn('operator');
    const supervisor = await signIn('supervisor');
    await expect
      .poll(
        async () => (await call<{ hub: { state: string } }>(operator, 'app.status', {})).hub.state,
      )
      .toBe('online');
    return { core, operator, supervisor, close };
  };

  /** Desk 3's calls, as its outbox would send them. */
  const desk3 = await peers.connect(`${hub.url}/desk`, tokens['desk-3']);
  return { desk, desk3 };
}

const actor3 = { id: 'desk-3', role: 'desk', person: 'Operator Tiga' } as const;

async function silentCalls(desk3: Socket, n: number): Promise<void> {
  const start = Date.now() - n * 60_000;
  for (let i = 0; i < n; i++) {
    const ack = await send(desk3, 'call.log', {
      callId: uuidv7(),
      at: start + i * 60_000,
      disposition: 'silent',
      callerNumber: NUMBER,
      actor: actor3,
    });
    expect(ack).toMatchObject({ ok: true });
  }
}

const bannerOf = async (screen: ConsoleSession): Promise<Block | null> =>
  (await call<{ block: Block | null }>(screen, 'caller.activeBlock', { number: TYPED })).block;

describe('soft blocks shared by every desk', () => {
  it('a burst of silent calls blocks the number on every desk, as repeated silent calls', async () => {
    const { desk, desk3 } = await setup();
    const d1 = await desk('desk-1');
    const d2 = await desk('desk-2');
    await silentCalls(desk3, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(await bannerOf(d1.operator)).toBeNull();

    await silentCalls(desk3, 1);
    for (const d of [d1, d2]) {
      await expect
        .poll(() => bannerOf(d.operator))
        .toMatchObject({
          number: NUMBER,
          kind: 'auto_silent',
          reason: 'panggilan kosong berulang',
          liftedAt: null,
        });
    }
    const block = (await bannerOf(d2.operator))!;
    expect(block.until - block.setAt).toBe(24 * 3_600_000);
    expect(JSON.stringify(block)).not.toMatch(/iseng/);
  });

  it('a desk offline during the burst has the block once it reconnects', async () => {
    const { desk, desk3 } = await setup();
    await desk('desk-1');
    const away = await desk('desk-2');
    away.close();
    await silentCalls(desk3, 3);

    const back = await desk('desk-2');
    await expect.poll(() => bannerOf(back.operator)).toMatchObject({ kind: 'auto_silent' });
  });

  it("takes a supervisor's block and its lift to the other desk; refuses an operator's", async () => {
    const { desk, desk3 } = await setup();
    const d1 = await desk('desk-1');
    const d2 = await desk('desk-2');

    const refused = await d1.operator.call('caller.block', {
      number: TYPED,
      reason: 'Ancaman',
      hours: 2,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    // Nor does the hub take one on a desk's word that its person is a supervisor.
    const raw = await send(desk3, 'caller.block', {
      blockId: uuidv7(),
      number: NUMBER,
      reason: 'Ancaman',
      until: Date.now() + 3_600_000,
      personRole: 'supervisor',
      actor: actor3,
    });
    expect(raw).toMatchObject({ ok: false, error: { code: 'auth.token_invalid' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await bannerOf(d2.operator)).toBeNull();

    const { block } = await call<{ block: Block }>(d1.supervisor, 'caller.block', {
      number: TYPED,
      reason: 'Mengancam petugas',
      hours: 2,
    });
    await expect
      .poll(() => bannerOf(d2.operator))
      .toMatchObject({
        blockId: block.blockId,
        kind: 'manual',
        reason: 'Mengancam petugas',
        setBy: 'Supervisor Demo',
      });

    await call(d2.supervisor, 'caller.unblock', { blockId: block.blockId });
    expect(await bannerOf(d2.operator)).toBeNull();
    await expect.poll(() => bannerOf(d1.operator)).toBeNull();
  });
});
