/**
 * Keeps a child process running: starts it, waits until it reports ready, restarts it
 * after it dies (with backoff), and stops it cleanly on request. A child that fails before
 * its first ready fails the start, so a broken setup is reported instead of looping.
 */
import type { ChildProcess } from 'node:child_process';
import type { Logger } from '../../shared/log';

export interface SupervisedOptions {
  name: string;
  log: Logger;
  /** Spawns the child and resolves once it is ready (rejects if it exits first). */
  start(): Promise<ChildProcess>;
  onRestart?(child: ChildProcess): void;
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
}

export interface Supervised {
  pid(): number | undefined;
  stop(): Promise<void>;
}

export async function supervise(options: SupervisedOptions): Promise<Supervised> {
  const base = options.restartDelayMs ?? 1000;
  const max = options.maxRestartDelayMs ?? 15_000;
  let child = await options.start();
  let stopping = false;
  let delay = base;
  let timer: NodeJS.Timeout | undefined;

  const watch = (c: ChildProcess): void => {
    c.once('exit', (code, signal) => {
      if (stopping) return;
      options.log.warn(`${options.name} stopped; restarting`, { code, signal, inMs: delay });
      timer = setTimeout(restart, delay);
    });
  };
  const restart = (): void => {
    options
      .start()
      .then((c) => {
        if (stopping) {
          c.kill('SIGTERM');
          return;
        }
        child = c;
        delay = base;
        watch(c);
        options.onRestart?.(c);
      })
      .catch((error: unknown) => {
        if (stopping) return;
        delay = Math.min(delay * 2, max);
        options.log.warn(`${options.name} failed to restart`, {
          error: String(error),
          retryInMs: delay,
        });
        timer = setTimeout(restart, delay);
      });
  };
  watch(child);

  return {
    pid: () => child.pid,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
