/**
 * A hub that answers slowly: the desk's link must not stay "offline" on a connection that
 * works. The hub's answer to `hello` is held back past the desk's hello timeout by a proxy;
 * the desk asks again, comes online and sends what waits in its outbox.
 */
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { oneScreen } from '../support/one-screen';
import { emptyIntakeForm } from '../../shared/domain/intake';
import { createLogger } from '../../shared/log';
import { randomToken, repoRoot, startHub, tempDir, writeTokens } from '../support/processes';
import { startTcpProxy } from '../support/tcp-proxy';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('slow hub', () => {
  it('comes online when the first hello is answered late', async () => {
    const dir = tempDir();
    const token = randomToken();
    const tokens = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
    const hub = await startHub(path.join(dir, 'hub'), tokens);
    cleanups.push(() => hub.stop());
    let held = 0;
    const proxy = await startTcpProxy({
      targetPort: hub.port,
      // The hub's first hello answer (it names the protocol) arrives after 6 s.
      delayMs: (chunk) => {
        if (held > 0 || !chunk.includes('"protocol":1')) return 0;
        held++;
        return 6000;
      },
    });
    cleanups.push(() => proxy.close());

    const core = openCore({
      dataDir: tempDir(),
      mode: 'browser',
      version: 'test',
      log: createLogger('test', () => undefined),
      hubUrl: proxy.url,
      hubToken: token,
      resourcesDir: path.join(repoRoot, 'resources', 'data'),
    });
    oneScreen(core);
    cleanups.push(() => core.close());
    const accounts = (await core.ensureDemoAccounts())!;
    const op = accounts.find((a) => a.username === 'operator')!;
    await core.call('auth.signIn', { username: op.username, password: op.password });
    const saved = await core.call('intake.save', {
      callId: uuidv7(),
      startedAt: Date.now() - 10_000,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '081234567890',
        categoryId: 'pohon-tumbang',
        urgency: 'darurat',
        description: 'Pohon tumbang',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
      },
    });
    expect(saved.ok).toBe(true);
    const status = async () => {
      const r = await core.call('app.status', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { hub: { state: string; detail?: string }; outbox: { waiting: number } };
    };

    await expect
      .poll(async () => (await status()).hub.detail, { timeout: 15_000 })
      .toBe('hub did not answer hello');
    expect(held).toBe(1);
    await expect.poll(async () => (await status()).hub.state, { timeout: 20_000 }).toBe('online');
    await expect.poll(async () => (await status()).outbox.waiting, { timeout: 20_000 }).toBe(0);
    expect(proxy.stats.connections).toBe(1);
  });
});
