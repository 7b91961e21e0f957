/**
 * Center-wide accounts with a real hub process and two desk cores: an account a
 * supervisor makes on desk A signs in on desk B with the hub gone (B's replica); every
 * supervisor-only call is refused for an operator through the console API, with its code
 * and nothing changed; a disabled person's next call is refused on every desk, and the hub
 * refuses an operator's token on a raw desk socket.
 */
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleSession, Core } from '../../electron/core/core';
import type { AccountSummary } from '../../shared/domain/account';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { peerSockets, send } from '../support/hub-peers';
import { randomToken, startHub, tempDir, writeTokens, type HubProc } from '../support/processes';

const tokens = { 'desk-a': randomToken(), 'desk-b': randomToken(), 'desk-c': randomToken() };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function center() {
  const dir = tempDir();
  const tokensFile = writeTokens(
    dir,
    Object.entries(tokens).map(([id, token]) => ({ token, kind: 'desk' as const, id })),
  );
  // Desk A is the center's first desk with the demo people; desk B starts with nobody.
  const hub: HubProc = await startHub(
    path.join(dir, 'hub'),
    tokensFile,
    0,
    centerDemoAccounts(dir, ['desk-a']),
  );
  cleanups.push(() => hub.stop());
  const open = (deskId: 'desk-a' | 'desk-b'): Core => {
    const core = openDeskCore({ dir, deskId, hubUrl: hub.url, hubToken: tokens[deskId] });
    cleanups.push(() => core.close());
    return core;
  };
  const online = async (screen: ConsoleSession) =>
    expect
      .poll(
        async () => (await call<{ hub: { state: string } }>(screen, 'app.status', {})).hub.state,
      )
      .toBe('online');
  const a = open('desk-a');
  const people = await demoAccounts(a, path.join(dir, 'desk-a'));
  const signIn = async (core: Core, username: string, password: string) => {
    const screen = core.openSession();
    await online(screen);
    await call(screen, 'auth.signIn', { username, password });
    return screen;
  };
  const passwordOf = (u: string) => people.find((p) => p.username === u)!.password;
  const supervisor = await signIn(a, 'supervisor', passwordOf('supervisor'));
  const operator = await signIn(a, 'operator', passwordOf('operator'));
  return { dir, hub, a, open, signIn, supervisor, operator, online };
}

const accountsOf = async (screen: ConsoleSession) =>
  (await call<{ accounts: AccountSummary[] }>(screen, 'account.list', {})).accounts;

describe('center-wide accounts', () => {
  it('an account made on desk A signs in on desk B while the hub is down', async () => {
    const { hub, open, supervisor, online } = await center();
    const { account } = await call<{ account: AccountSummary }>(supervisor, 'account.create', {
      username: 'rina',
      displayName: 'Rina Operator',
      role: 'operator',
      password: 'sandi-rina-123',
    });
    expect(account).toMatchObject({ username: 'rina', role: 'operator', enabled: true });

    const b = open('desk-b');
    const screen = b.openSession();
    await online(screen);
    // Desk B learns the account from the hub's events (its replica), then the hub goes away.
    await expect
      .poll(async () => (await call<{ needed: boolean }>(screen, 'account.setupNeeded', {})).needed)
      .toBe(false);
    await hub.stop();
    await expect
      .poll(
        async () => (await call<{ hub: { state: string } }>(screen, 'app.status', {})).hub.state,
      )
      .not.toBe('online');
    const wrong = await screen.call('auth.signIn', { username: 'rina', password: 'salah-salah' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth.bad_credentials' } });
    const signed = await call<{ operator: { displayName: string } }>(screen, 'auth.signIn', {
      username: 'rina',
      password: 'sandi-rina-123',
    });
    expect(signed.operator.displayName).toBe('Rina Operator');
  });

  it('refuses every supervisor-only call for an operator, with its code, and changes nothing', async () => {
    const { operator, supervisor } = await center();
    const before = await accountsOf(supervisor);
    const target = before.find((x) => x.username === 'operator')!;
    const calls: Array<[string, object]> = [
      ['account.list', {}],
      [
        'account.create',
        { username: 'x-baru', displayName: 'X', role: 'supervisor', password: 'sandi-panjang' },
      ],
      ['account.setEnabled', { accountId: target.id, enabled: false }],
      ['account.resetPassword', { accountId: target.id, password: 'sandi-panjang' }],
      ['audit.list', {}],
      ['caller.block', { number: '081234567890', reason: 'Ancaman', hours: 2 }],
      ['caller.unblock', { blockId: uuidv7() }],
      ['blocks.list', {}],
      ['review.calls', { shiftsBack: 0 }],
    ];
    for (const [channel, args] of calls) {
      const r = await operator.call(channel, args);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    }
    expect(await accountsOf(supervisor)).toEqual(before);
    // Only the setting up of the demo accounts, one entry each.
    const { entries } = await call<{ entries: Array<{ action: string }> }>(
      supervisor,
      'audit.list',
      {},
    );
    expect(entries.map((e) => e.action)).toEqual(before.map(() => 'account.create'));
  });

  it("refuses a disabled person's next call on every desk, and their token at the hub", async () => {
    const { a, hub, supervisor, operator, signIn } = await center();
    const { account } = await call<{ account: AccountSummary }>(supervisor, 'account.create', {
      username: 'wakil',
      displayName: 'Wakil Supervisor',
      role: 'supervisor',
      password: 'sandi-wakil-123',
    });
    const wakil = await signIn(a, 'wakil', 'sandi-wakil-123');
    // The hub takes wakil's block before, and refuses it after the account is disabled.
    await call(wakil, 'blocks.list', {});
    const target = (await accountsOf(supervisor)).find((x) => x.username === 'operator')!;
    await call(supervisor, 'account.setEnabled', { accountId: target.id, enabled: false });
    await call(supervisor, 'account.setEnabled', { accountId: account.id, enabled: false });
    expect(await operator.call('queue.list', { limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'auth.account_disabled' },
    });
    expect(await wakil.call('account.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.account_disabled' },
    });
    // Nor do they sign in again.
    expect(
      await a.openSession().call('auth.signIn', { username: 'wakil', password: 'sandi-wakil-123' }),
    ).toMatchObject({ ok: false, error: { code: 'auth.account_disabled' } });
    const { entries } = await call<{ entries: Array<{ action: string; person: string }> }>(
      supervisor,
      'audit.list',
      { action: 'account.disable' },
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ person: 'Supervisor Demo' });

    // On the wire: an operator's own token (from session.open) buys no supervisor message.
    const peers = peerSockets();
    cleanups.push(() => peers.closeAll());
    const c = await peers.connect(`${hub.url}/desk`, tokens['desk-c']);
    const actor = { id: 'desk-c', role: 'desk', person: 'Rina' } as const;
    await call(supervisor, 'account.create', {
      username: 'rina',
      displayName: 'Rina',
      role: 'operator',
      password: 'sandi-rina-123',
    });
    const opened = (await send(c, 'session.open', {
      username: 'rina',
      password: 'sandi-rina-123',
      actor,
    })) as { ok: true; token: string };
    expect(opened.ok).toBe(true);
    const refused = await send(c, 'account.create', {
      accountId: uuidv7(),
      username: 'penyusup',
      displayName: 'Penyusup',
      role: 'supervisor',
      password: 'sandi-panjang',
      personToken: opened.token,
      actor,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    expect((await accountsOf(supervisor)).map((x) => x.username)).not.toContain('penyusup');
  });
});
