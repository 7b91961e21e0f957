/**
 * The hub's periodic check that closes cases resolved 10 working days ago
 * (closing-operations.ts `closeDue`). It runs in the commit queue like any message, so its
 * events are durable before desks hear of them, and only here: one close per case however
 * many desks are connected (and, under the center's write lock, however many hub nodes). A year missing from the holiday calendar is logged
 * (once per year) and closes nothing.
 */
import type { Logger } from '../shared/log';
import type { CenterRecord } from './center-record';
import type { EventStream } from './event-stream';
import type { GroupCommit } from './group-commit';

/** How often the hub looks for cases due: closing is a matter of days, not seconds. */
export const AUTO_CLOSE_EVERY_MS = 60_000;

export function startAutoClose(o: {
  record: CenterRecord;
  commit: GroupCommit;
  stream: EventStream;
  log: Logger;
  everyMs: number;
}): () => void {
  const warned = new Set<number>();
  const check = (): void =>
    o.commit.submit(
      () => {
        const { events, missingYears } = o.record.closeDue();
        for (const year of missingYears) {
          if (warned.has(year)) continue;
          warned.add(year);
          o.log.warn('resolved cases wait: the holiday calendar has no such year', { year });
        }
        if (events.length > 0) {
          o.log.info('cases closed after 10 working days', { count: events.length });
          o.commit.afterCommit(() => o.stream.committed(events));
        }
        return events.length;
      },
      () => undefined,
      (error) => {
        o.log.error('closing resolved cases failed', { error: String(error) });
        return 0;
      },
    );
  check();
  const timer = setInterval(check, o.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
