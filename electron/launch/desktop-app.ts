/**
 * Runs the Electron desktop app for `npm start`: spawns Electron on this checkout with the
 * console settings and the Electron build of better-sqlite3, waits until its window is on
 * screen, reopens it if it crashes (not if the operator closed it), and stops it cleanly.
 * A window that fails before it is ready is reported with its last words, so the launcher
 * can fall back to the browser host.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '../../shared/log';
import { DESKTOP_READY_LINE, NATIVE_BINDING_ENV } from './desktop-handshake';

export interface DesktopAppOptions {
  electronBinary: string;
  /** The folder Electron runs as the app (its package.json names out/main/index.js). */
  appDir: string;
  dataDir: string;
  nativeBinding: string;
  hubUrl: string | undefined;
  hubToken: string | undefined;
  log: Logger;
  readyTimeoutMs?: number;
}

export interface DesktopApp {
  pid(): number | undefined;
  /** Resolves with the exit code once the operator has closed the app (or it gave up). */
  closed: Promise<number>;
  stop(): Promise<void>;
}

export type DesktopStart = { ok: true; app: DesktopApp } | { ok: false; reason: string };

/** Three crashes, each within a minute of its start, and the launcher stops reopening. */
const CRASH_WINDOW_MS = 60_000;
const MAX_QUICK_CRASHES = 3;

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const ours = lines.filter((l) => l.startsWith('sigap desktop:')).at(-1);
  return (ours ?? lines.at(-1) ?? 'no output').replace(/^sigap desktop: /, '').slice(0, 200);
}

export function startDesktopApp(options: DesktopAppOptions): Promise<DesktopStart> {
  const { log } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SIGAP_DATA_DIR: options.dataDir,
    SIGAP_HUB_URL: options.hubUrl ?? '',
    SIGAP_HUB_TOKEN: options.hubToken ?? '',
    [NATIVE_BINDING_ENV]: options.nativeBinding,
  };
  delete env.ELECTRON_RUN_AS_NODE;
  // Chromium refuses to run as root with its OS sandbox on; the page stays sandboxed
  // (sandbox: true, no Node) either way.
  const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), options.appDir];

  let child: ChildProcess;
  let stopping = false;
  let startedAt = 0;
  let quickCrashes = 0;
  let finish: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (finish = resolve));

  const spawnApp = (): { child: ChildProcess; output: () => string } => {
    startedAt = Date.now();
    let output = '';
    const c = spawn(options.electronBinary, args, {
      cwd: options.appDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    c.stdout?.on('data', keep);
    c.stderr?.on('data', keep);
    return { child: c, output: () => output };
  };

  const watch = (c: ChildProcess, output: () => string): void => {
    c.once('exit', (code, signal) => {
      if (stopping || code === 0) {
        finish(code ?? 0);
        return;
      }
      quickCrashes = Date.now() - startedAt < CRASH_WINDOW_MS ? quickCrashes + 1 : 1;
      log.warn('desktop app stopped unexpectedly', { code, signal, last: lastLine(output()) });
      if (quickCrashes >= MAX_QUICK_CRASHES) {
        log.error('desktop app keeps crashing; not reopening it', { last: lastLine(output()) });
        finish(1);
        return;
      }
      const next = spawnApp();
      child = next.child;
      watch(next.child, next.output);
    });
  };

  return new Promise<DesktopStart>((resolve) => {
    const first = spawnApp();
    child = first.child;
    let ready = false;
    const timer = setTimeout(() => {
      if (ready) return;
      first.child.kill('SIGKILL');
      resolve({
        ok: false,
        reason: `the desktop window did not open within ${Math.round((options.readyTimeoutMs ?? 60_000) / 1000)} s`,
      });
    }, options.readyTimeoutMs ?? 60_000);
    first.child.stdout?.on('data', () => {
      if (ready || !first.output().includes(DESKTOP_READY_LINE)) return;
      ready = true;
      clearTimeout(timer);
      watch(first.child, first.output);
      resolve({
        ok: true,
        app: {
          pid: () => child.pid,
          closed,
          stop: async () => {
            stopping = true;
            if (child.exitCode !== null || child.signalCode !== null) return;
            const exited = new Promise<void>((r) => child.once('exit', () => r()));
            child.kill('SIGTERM');
            const kill = setTimeout(() => child.kill('SIGKILL'), 8000);
            await exited;
            clearTimeout(kill);
          },
        },
      });
    });
    first.child.once('error', (error) => {
      if (ready) return;
      clearTimeout(timer);
      resolve({ ok: false, reason: `Electron could not be started: ${error.message}` });
    });
    first.child.once('exit', (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      const how = signal ? `killed by ${signal}` : `exit ${code}`;
      resolve({
        ok: false,
        reason: `the desktop window closed before it opened (${how}): ${lastLine(first.output())}`,
      });
    });
  });
}
