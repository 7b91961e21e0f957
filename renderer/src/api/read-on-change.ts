/**
 * A read that follows the store's changes (`queue.changed`): asked for on every change, it
 * runs one at a time and at most once per `gapMs`, and changes that come while it runs make
 * one more run after it. The first change after a quiet spell is read at once.
 *
 * A desk catching up after an outage, or the hub closing its resolved cases, applies tens
 * of thousands of events in a minute, each a change. One read per change filled the
 * browser's few connections to the console host with queue reads, so the console's other
 * calls (opening the dashboard, a save) waited behind them or failed.
 */
export interface ReadOnChange {
  /** Something changed: read again, soon. */
  request(): void;
  stop(): void;
}

export function readOnChange(read: () => Promise<unknown>, gapMs: number): ReadOnChange {
  let running = false;
  let again = false;
  let stopped = false;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (): void => {
    timer = undefined;
    if (stopped) return;
    running = true;
    again = false;
    last = Date.now();
    const finished = (): void => {
      running = false;
      if (again) request();
    };
    read().then(finished, finished);
  };

  function request(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    timer ??= setTimeout(run, Math.max(0, last + gapMs - Date.now()));
  }

  return {
    request,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
