/**
 * The desk's side of the dashboard with a hub that is up but slow to answer (catching up,
 * closing a backlog of cases): a real desk store, a hub link the test answers by hand. The
 * screen gets this desk's partial figures meanwhile, and the live ones once the hub answers
 * a later ask — not only after the next reconnect.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../../../shared/domain/dashboard/model';
import { createLogger } from '../../../shared/log';
import { fakeHubLink, type FakeHubLink } from '../../../tests/support/fake-hub-link';
import { fakeTimers, type FakeTimers } from '../../../tests/support/fake-timers';
import type { Session } from '../session';
import { createDashboardReads } from '../store/dashboard-reads';
import { openStore, type Store } from '../store/database';
import { startDeskDashboard, type DeskDashboard } from './desk-dashboard';

const log = createLogger('test', () => undefined);
let dir: string;
let db: Store;
let clock: FakeTimers;
let link: FakeHubLink;
let dashboard: DeskDashboard;
let shown: Dashboard[];
let token: string | 'pending';
const person = { id: 'spv-1', displayName: 'Supervisor Demo' };
const session = { operator: { ...person, role: 'supervisor' } } as unknown as Session;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-desk-dashboard-'));
  db = openStore(path.join(dir, 'console.db'));
  clock = fakeTimers();
  link = fakeHubLink(clock);
  shown = [];
  token = 'token-of-spv-1';
  dashboard = startDeskDashboard({
    link,
    deskId: 'desk-spv',
    reads: createDashboardReads(db),
    roster: [],
    log,
    now: clock.now,
    emit: (d) => shown.push(d),
    tokenFor: () => token,
  });
  dashboard.screenOpened(session);
});
afterEach(() => {
  dashboard.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

const subscriptions = () => link.requests.filter((r) => r.name === 'dashboard.subscribe');
/** The hub's figures, as it answers a subscription. */
const live = (): Dashboard & { emittedAt: number } => {
  const figures = { ...shown[0]!, partial: false, at: clock.now(), emittedAt: clock.now() };
  return figures;
};

describe('the dashboard on a desk whose hub is slow to answer', () => {
  it('shows partial figures, then the live ones when the hub answers a later ask', async () => {
    const opened = dashboard.open(session, person);
    await clock.settle();
    expect(subscriptions()).toHaveLength(1);
    await clock.advance(5_000); // the hub did not answer in time
    const first = await opened;
    expect(first.partial).toBe(true);
    shown.push(first);

    await vi.advanceTimersByTimeAsync(5_000);
    await clock.settle();
    expect(subscriptions()).toHaveLength(2);
    subscriptions()[1]!.answer({ ok: true, dashboard: live() });
    await clock.settle();
    expect(shown.at(-1)?.partial).toBe(false);

    // Subscribed: no more asks, and no partial figures pushed over the live ones.
    await vi.advanceTimersByTimeAsync(20_000);
    await clock.settle();
    expect(subscriptions()).toHaveLength(2);
    expect(shown.at(-1)?.partial).toBe(false);
  });

  it('waits for a token still on its way, then subscribes with it', async () => {
    token = 'pending';
    const first = await dashboard.open(session, person);
    expect(first.partial).toBe(true);
    expect(subscriptions()).toHaveLength(0);

    token = 'token-of-spv-1';
    shown.push(first);
    await vi.advanceTimersByTimeAsync(5_000);
    await clock.settle();
    expect(subscriptions()).toHaveLength(1);
    expect(subscriptions()[0]!.payload).toMatchObject({ personToken: 'token-of-spv-1' });
  });

  it('does not ask again after the hub refused the person', async () => {
    const opened = dashboard.open(session, person);
    await clock.settle();
    subscriptions()[0]!.answer({
      ok: false,
      error: { code: 'auth.not_supervisor', message: 'not a supervisor' },
    });
    await expect(opened).rejects.toMatchObject({ code: 'auth.not_supervisor' });
    await vi.advanceTimersByTimeAsync(20_000);
    await clock.settle();
    expect(subscriptions()).toHaveLength(1);
  });
});
