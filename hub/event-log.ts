/**
 * The hub's event log: every change the center knows, in `seq` order, as desks replay it.
 * Appends happen inside the operation's transaction, so an event exists exactly when its
 * change does.
 */
import type { HubEvent, UnsequencedEvent } from '../shared/hub/messages';
import type { HubStore } from './store/store';

export function createEventLog(db: HubStore) {
  // The store gives the seq: SQLite's rowid, or PostgreSQL's under the center's write lock.
  const insert = db.prepare<[number, string, string | null, string], { seq: number }>(
    'INSERT INTO events (at, type, case_id, body) VALUES (?, ?, ?, ?) RETURNING seq',
  );
  const eventsSince = db.prepare<[number, number], { seq: number; body: string }>(
    'SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const lastSeqRow = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events');

  return {
    /** Writes the event and returns it with the seq the log gave it. */
    append(event: UnsequencedEvent): HubEvent {
      const caseId = 'caseId' in event ? event.caseId : null;
      const { seq } = insert.get(event.at, event.type, caseId, JSON.stringify(event))!;
      return { seq, ...event };
    },

    /** The seq of the latest event; 0 on an empty log. */
    lastSeq(): number {
      return lastSeqRow.get()?.seq ?? 0;
    },

    sync(sinceSeq: number, limit: number): { events: HubEvent[]; lastSeq: number } {
      const events = eventsSince
        .all(sinceSeq, limit)
        .map((r) => ({ seq: r.seq, ...(JSON.parse(r.body) as UnsequencedEvent) }));
      return { events, lastSeq: lastSeqRow.get()?.seq ?? 0 };
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
