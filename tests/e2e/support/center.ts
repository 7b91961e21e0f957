/**
 * A call center in e2e tests: one hub with a token per peer, desk hosts joined to it, and
 * the browser pages operators and supervisors sign in to.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import {
  randomToken,
  startHost,
  startHub,
  tempDir,
  writeTokens,
  type HostProc,
  type HubProc,
  type Proc,
} from '../../support/processes';
import { writeDemoAccounts } from '../../../electron/core/auth/demo-accounts';
import { signInAs } from './operator';

export interface Peer {
  kind: 'desk' | 'opd';
  id: string;
  person?: string;
}

export interface Center {
  dir: string;
  hub: HubProc;
  /** Each peer's hub token, by its id. */
  tokens: Record<string, string>;
  /** Where started processes go; the test's afterEach stops them. */
  procs: Proc[];
}

/** A hub in a fresh temp dir that knows one token per peer. */
export async function startCenter(
  procs: Proc[],
  peers: Peer[],
  prefix = 'sigap-e2e-',
): Promise<Center> {
  const dir = tempDir(prefix);
  const tokens = Object.fromEntries(peers.map((p) => [p.id, randomToken()]));
  const tokensFile = writeTokens(
    dir,
    peers.map((p) => ({ token: tokens[p.id]!, ...p })),
  );
  // One set of demo accounts for the hub and every desk: people sign in alike everywhere.
  const demo = path.join(dir, 'demo-accounts.json');
  writeDemoAccounts(demo);
  const hub = await startHub(path.join(dir, 'hub'), tokensFile, 0, ['--demo-accounts', demo]);
  procs.push(hub);
  return { dir, hub, tokens, procs };
}

export interface Desk {
  host: HostProc;
  dataDir: string;
  /** The console's address, with the host's key. */
  consoleUrl: string;
}

/** A desk host joined to the center's hub under its own token. */
export async function startDesk(center: Center, deskId: string): Promise<Desk> {
  const dataDir = path.join(center.dir, deskId);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(
    path.join(center.dir, 'demo-accounts.json'),
    path.join(dataDir, 'demo-accounts.json'),
  );
  const host = await startHost({
    dataDir,
    deskId,
    hubUrl: center.hub.url,
    hubToken: center.tokens[deskId],
  });
  center.procs.push(host);
  return { host, dataDir, consoleUrl: `${host.origin}/#key=${host.key}` };
}

/** A new browser context on the desk's console, signed in as `username` (the operator by default). */
export async function deskPage(
  browser: Browser,
  desk: Pick<Desk, 'consoleUrl' | 'dataDir'>,
  username = 'operator',
  context: BrowserContextOptions = { locale: 'id-ID', timezoneId: 'UTC' },
): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  await signInAs(page, desk, username);
  return page;
}

/** A desk started on the center and its operator signed in, in a page of its own. */
export async function openDesk(
  browser: Browser,
  center: Center,
  deskId: string,
  context?: BrowserContextOptions,
): Promise<Page> {
  return deskPage(browser, await startDesk(center, deskId), 'operator', context);
}

/** A raw desk socket on the hub, speaking as `deskId`; `closers` closes it after the test. */
export function deskSocket(center: Center, deskId: string, closers: Array<() => void>): Socket {
  const socket = io(`${center.hub.url}/desk`, {
    auth: { token: center.tokens[deskId] },
    transports: ['websocket'],
  });
  closers.push(() => socket.close());
  return socket;
}
