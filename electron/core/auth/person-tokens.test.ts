/**
 * A person's hub token when the hub is up but too busy to answer the sign-in in time: a
 * real hub process, stopped (SIGSTOP) for longer than the desk waits, then let go. The
 * desk asks again on its own, without waiting for the link to drop and come back, so the
 * supervisor's messages do not stay stuck for the rest of the shift.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../../shared/log';
import { centerDemoAccounts } from '../../../tests/support/desk-cores';
import {
  randomToken,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../../../tests/support/processes';
import { connectHub, type HubLink } from '../hub/hub-link';
import { createPersonTokens, type PersonTokens } from './person-tokens';

let hub: HubProc | undefined;
let link: HubLink | undefined;
let people: PersonTokens | undefined;
afterEach(async () => {
  people?.close();
  link?.close();
  if (hub) process.kill(hub.child.pid!, 'SIGCONT');
  await hub?.stop();
});

it('asks the hub again for a token it did not answer in time, while the link stays up', async () => {
  const dir = tempDir();
  const token = randomToken();
  const demo = centerDemoAccounts(dir, []);
  hub = await startHub(dir, writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]), 0, demo);
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(dir, 'demo-accounts.json'), 'utf8'),
  ) as {
    accounts: Array<{ id: string; username: string; password: string }>;
  };
  const supervisor = accounts.find((a) => a.username === 'supervisor')!;
  const log = createLogger('t', () => undefined);
  link = connectHub({ urls: [new URL(hub.url)], token, log });
  await expect.poll(() => link!.status().state, { timeout: 20_000 }).toBe('online');
  people = createPersonTokens({
    link,
    log,
    now: Date.now,
    applyAccount: () => undefined,
    openTimeoutMs: 1_000,
    retryMs: 300,
  });

  process.kill(hub.child.pid!, 'SIGSTOP');
  const actor = { id: 'desk-1', role: 'desk', person: 'Supervisor Demo' } as const;
  people.later(supervisor.id, supervisor.username, supervisor.password, actor);
  // Longer than any wait for an answer: the asks time out; the link itself stays up.
  await new Promise((r) => setTimeout(r, 6_000));
  expect(people.tokenFor(supervisor.id)).toBe('pending');
  expect(link.status().state).toBe('online');
  process.kill(hub.child.pid!, 'SIGCONT');

  await expect
    .poll(() => people!.tokenFor(supervisor.id), { timeout: 15_000 })
    .toMatch(/^[\w-]{16,}$/);
});
