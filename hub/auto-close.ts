/**
 * The hub's periodic check that closes cases resolved 10 working days ago
 * (closing-operations.ts `closeDue`). It runs in the commit queue like any message, so its
 * events are durable before desks hear of them, and only here: one hub, one close per case
 * however many desks are connected. A year missing from the holiday calendar is logged
 * (once per year) and closes nothing.
 */
import type { Server } from 'socket.io';
import type { HubEvent } from '../shared/hub/messages';
import type { Logger } from '../shared/log';
import type { CenterRecord } from './center-record';
import type { DashboardFeed } from './dashboard-feed';
import type { GroupCommit } from './group-commit';

/** How often the hub looks for cases due: closing is a matter of days, not seconds. */
export const AUTO_CLOSE_EVERY_MS = 60_000;

export function startAutoClose(o: {
  io: Server;
  record: CenterRecord;
  commit: GroupCommit;
  feed: DashboardFeed;
  log: Logger;
  everyMs: number;
}): () => void {
  const warned = new Set<number>();
  const announce = (events: readonly HubEvent[]): void => {
    o.feed.observe(events);
    for (const e of events) {
      o.io.of('/desk').emit('event', e);
      o.io.of('/supervisor').emit('event', e);
    }
  };
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
          o.commit.afterCommit(() => announce(events));
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
