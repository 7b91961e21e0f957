/**
 * The desk's hub link against a real hub process: online when the hub is up, offline
 * within seconds of the hub being killed, online again when it returns on the same port;
 * a token the hub does not know shows as refused.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import { openCore } from '../../electron/core/core';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import {
  freePort,
  randomToken,
  repoRoot,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../support/processes';

const quiet = createLogger('test', () => undefined);
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hubState(core: Core): Promise<string> {
  const result = await core.call('app.status', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { hub: { state: string } }).hub.state;
}

function open(hubUrl: string, hubToken: string): Core {
  const core = openCore({
    dataDir: tempDir(),
    mode: 'browser',
    version: 'test',
    log: quiet,
    hubUrl,
    hubToken,
    resourcesDir: path.join(repoRoot, 'resources', 'data'),
  });
  oneScreen(core);
  cleanups.push(() => core.close());
  return core;
}

describe('hub link', () => {
  it('goes offline when the hub dies and online when it returns', async () => {
    const dir = tempDir();
    const token = randomToken();
    const tokens = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
    let hub: HubProc = await startHub(dir, tokens);
    cleanups.push(() => hub.stop());
    const core = open(hub.url, token);
    const events: string[] = [];
    core.subscribe((e) => {
      if (e.event === 'app.status') events.push(e.payload.hub.state);
    });

    await expect.poll(() => hubState(core), { timeout: 10_000 }).toBe('online');

    await hub.stop('SIGKILL');
    const killedAt = Date.now();
    await expect.poll(() => hubState(core), { timeout: 5_000 }).toBe('offline');
    expect(Date.now() - killedAt).toBeLessThan(5_000);

    hub = await startHub(dir, tokens, hub.port);
    await expect.poll(() => hubState(core), { timeout: 10_000 }).toBe('online');
    expect(events).toEqual(expect.arrayContaining(['online', 'offline']));
    expect(events.at(-1)).toBe('online');
  });

  it('given several hub nodes, goes online on the next one when the first is down', async () => {
    const dir = tempDir();
    const token = randomToken();
    const tokens = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
    const hub = await startHub(dir, tokens);
    cleanups.push(() => hub.stop());
    const dead = `http://127.0.0.1:${await freePort()}`;
    const core = open(`${dead},${hub.url}`, token);
    await expect
      .poll(async () => (await core.call('app.status', {})) as unknown, { timeout: 10_000 })
      .toMatchObject({
        ok: true,
        value: { hub: { state: 'online', url: hub.url, node: `127.0.0.1:${hub.port}` } },
      });
  });

  it('shows a token the hub does not know as refused', async () => {
    const dir = tempDir();
    const tokens = writeTokens(dir, [{ token: randomToken(), kind: 'desk', id: 'desk-1' }]);
    const hub = await startHub(dir, tokens);
    cleanups.push(() => hub.stop());
    const core = open(hub.url, randomToken());
    await expect.poll(() => hubState(core), { timeout: 10_000 }).toBe('refused');
  });

  it('refuses a hub node list with a bad or repeated address, naming it, without connecting', async () => {
    const good = 'https://hub-a.madiunkota.go.id';
    for (const [list, detail] of [
      [`${good}, http://10.20.30.40:4000`, /^Refusing plain http to 10\.20\.30\.40:/],
      [`${good}, hub-b:7443`, /^Hub URL "hub-b:7443" must start with https:\/\//],
      [`${good}, https://HUB-A.madiunkota.go.id/`, /^Hub URL https:\/\/hub-a\.\S+ is listed twice/],
    ] as const) {
      const core = open(list, randomToken());
      const result = await core.call('app.status', {});
      expect(result, list).toMatchObject({ ok: true, value: { hub: { state: 'refused' } } });
      expect((result as { value: { hub: { detail: string } } }).value.hub.detail).toMatch(detail);
    }
  });

  it('refuses a plain-http hub beyond loopback without connecting', async () => {
    const core = open('http://10.20.30.40:4000', randomToken());
    const result = await core.call('app.status', {});
    expect(result).toMatchObject({ ok: true, value: { hub: { state: 'refused' } } });
    expect((result as { value: { hub: { detail: string } } }).value.hub.detail).toMatch(
      /must use https/,
    );
  });
});
