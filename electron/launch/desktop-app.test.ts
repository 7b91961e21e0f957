/**
 * How npm start runs the desktop app, with small shell scripts standing in for Electron:
 * it hands over the settings, waits for the window's ready line, reports a window that
 * dies before it opens (so the launcher can fall back), reopens a crashed one, and ends
 * when the operator closes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import { DESKTOP_READY_LINE, NATIVE_BINDING_ENV } from './desktop-handshake';
import { startDesktopApp } from './desktop-app';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-desktop-app-'));
const log = createLogger('test', () => undefined);

function fakeElectron(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const options = (electronBinary: string) => ({
  electronBinary,
  appDir: dir,
  dataDir: path.join(dir, 'data'),
  nativeBinding: '/x/better_sqlite3.node',
  hubUrl: 'http://127.0.0.1:4000',
  hubToken: 'desk-token',
  log,
  readyTimeoutMs: 10_000,
});

describe('desktop app under npm start', () => {
  it('hands over the settings, waits for the window, and ends when it is closed', async () => {
    const seen = path.join(dir, 'env.txt');
    const binary = fakeElectron(
      'electron-ok',
      `echo "$SIGAP_DATA_DIR|$SIGAP_HUB_URL|$SIGAP_HUB_TOKEN|$${NATIVE_BINDING_ENV}|$ELECTRON_RUN_AS_NODE|$*" > ${seen}\necho "${DESKTOP_READY_LINE}"\nsleep 1\nexit 0`,
    );
    const started = await startDesktopApp(options(binary));
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const [dataDir, hubUrl, token, binding, runAsNode, args] = fs
      .readFileSync(seen, 'utf8')
      .trim()
      .split('|');
    expect([dataDir, hubUrl, token, binding, runAsNode]).toEqual([
      path.join(dir, 'data'),
      'http://127.0.0.1:4000',
      'desk-token',
      '/x/better_sqlite3.node',
      '',
    ]);
    expect(args).toContain(dir);
    expect(await started.app.closed).toBe(0);
  });

  it('reports a window that dies before it opens, with its last words', async () => {
    const binary = fakeElectron(
      'electron-broken',
      'echo "sigap desktop: Sigap cannot open its local store: store.too_new" >&2\nexit 1',
    );
    const started = await startDesktopApp(options(binary));
    expect(started).toEqual({
      ok: false,
      reason:
        'the desktop window closed before it opened (exit 1): Sigap cannot open its local store: store.too_new',
    });
  });

  it('reopens a window that crashed, and stops on request', async () => {
    const count = path.join(dir, 'count.txt');
    fs.writeFileSync(count, '');
    const binary = fakeElectron(
      'electron-crashy',
      `echo x >> ${count}\necho "${DESKTOP_READY_LINE}"\nif [ $(wc -l < ${count}) -lt 2 ]; then sleep 0.2; exit 139; fi\nexec sleep 30`,
    );
    const started = await startDesktopApp(options(binary));
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    for (let i = 0; i < 50 && fs.readFileSync(count, 'utf8').split('\n').length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(fs.readFileSync(count, 'utf8').trim().split('\n')).toHaveLength(2);
    await started.app.stop();
    expect(await started.app.closed).not.toBeUndefined();
  });
});
