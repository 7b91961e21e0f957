/**
 * Clean shutdown, once: whatever ends the app (window closed, menu Quit, SIGTERM or Ctrl+C
 * from `npm start`), the steps run in order and each runs even if an earlier one fails, so
 * the store is always closed (its WAL checkpointed) before the process exits.
 */
import type { Logger } from '../../shared/log';

export type ShutdownStep = readonly [name: string, run: () => void];

export function shutdownOnce(steps: readonly ShutdownStep[], log: Logger): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    for (const [name, run] of steps) {
      try {
        run();
      } catch (error) {
        log.error('shutdown step failed', { step: name, error: String(error) });
      }
    }
    log.info('desktop shut down cleanly');
  };
}
