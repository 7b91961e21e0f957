/**
 * Real processes for integration and e2e tests: a hub, a console host, or the whole
 * launcher, each in its own temporary data dir. Nothing here is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TokensFile } from '../../shared/hub/protocol';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Temporary dirs made by this test process, removed after its tests (SIGAP_KEEP_TEMP keeps them). */
const made: string[] = [];

/** Removes the dirs `tempDir` made: after each Vitest file (vitest-setup.ts), and at exit. */
export function removeTempDirs(): void {
  if (process.env.SIGAP_KEEP_TEMP) return;
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // A process the test started may still be writing there; the OS cleans /tmp anyway.
    }
  }
}
process.once('exit', removeTempDirs);

export function tempDir(prefix = 'sigap-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const randomToken = () => crypto.randomBytes(24).toString('base64url');

export function writeTokens(dir: string, tokens: TokensFile['tokens']): string {
  const file = path.join(dir, 'tokens.json');
  fs.writeFileSync(file, JSON.stringify({ tokens }));
  return file;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr (past or future). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(): Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function runTs(entry: string, args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    output: () => out,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (m) {
            cleanup();
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern} in:\n${out.slice(-2000)}`));
        }, timeoutMs);
        const onExit = () => {
          check();
          cleanup();
          reject(new Error(`process exited before ${pattern}:\n${out.slice(-2000)}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', onExit);
        };
        waiters.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    exited: () => exit,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

export interface HubProc extends Proc {
  url: string;
  port: number;
}

export async function startHub(
  dataDir: string,
  tokensFile: string,
  port = 0,
  args: string[] = [],
  /** More environment for the hub process (e.g. the test clock). */
  env: NodeJS.ProcessEnv = {},
): Promise<HubProc> {
  const proc = runTs(
    'hub/main.ts',
    ['--port', String(port), '--data', dataDir, '--tokens', tokensFile, ...args],
    env,
  );
  const m = await proc.waitFor(/hub listening on (https?:\/\/127\.0\.0\.1:(\d+))/);
  return { ...proc, url: m[1]!, port: Number(m[2]) };
}

export interface HostProc extends Proc {
  origin: string;
  key: string;
  port: number;
}

export async function startHost(env: {
  dataDir: string;
  hubUrl?: string;
  hubToken?: string;
  deskId?: string;
  port?: number;
  /** More environment for the host process (e.g. the test clock). */
  extra?: NodeJS.ProcessEnv;
}): Promise<HostProc> {
  const proc = runTs('electron/host/main.ts', [], {
    SIGAP_DATA_DIR: env.dataDir,
    SIGAP_HUB_URL: env.hubUrl ?? '',
    SIGAP_HUB_TOKEN: env.hubToken ?? '',
    SIGAP_PORT: String(env.port ?? 0),
    SIGAP_DESK_ID: env.deskId ?? '',
    SIGAP_HOST_KEY: '',
    // Tests sign in with the demo accounts (demo-accounts.json in the data dir).
    SIGAP_DEMO: '1',
    ...env.extra,
  });
  const m = await proc.waitFor(/console listening on (http:\/\/127\.0\.0\.1:(\d+))\/#key=([\w-]+)/);
  return { ...proc, origin: m[1]!, port: Number(m[2]), key: m[3]! };
}

/** The whole product as `npm start` runs it. */
export interface LauncherProc extends Proc {
  consoleUrl: string;
  dataDir: string;
  hubPid(): number;
}

export async function startLauncher(
  dataDir: string,
  /** An external hub instead of the embedded one (SIGAP_HUB_URL / SIGAP_HUB_TOKEN). */
  hub?: { url: string; token: string },
): Promise<LauncherProc> {
  // --browser: these tests drive the browser host, also on machines where npm start could
  // fetch Electron and open the desktop window instead.
  const proc = runTs('scripts/start.ts', ['--browser', '--demo'], {
    SIGAP_DATA_DIR: dataDir,
    SIGAP_HUB_URL: hub?.url ?? '',
    SIGAP_HUB_TOKEN: hub?.token ?? '',
    SIGAP_PORT: '0',
  });
  const m = await proc.waitFor(/Console:\s+(http:\/\/127\.0\.0\.1:\d+\/#key=[\w-]+)/, 120_000);
  return {
    ...proc,
    consoleUrl: m[1]!,
    dataDir,
    hubPid: () => Number(fs.readFileSync(path.join(dataDir, 'run', 'hub.pid'), 'utf8')),
  };
}

export async function until<T>(
  probe: () => T | Promise<T>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
