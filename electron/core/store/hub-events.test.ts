/**
 * The hub's events applied in a batch against a real desk store: the last seq moves with
 * each event inside the batch (gaps and repeats are still told apart), is on disk once the
 * batch commits, and a batch that fails leaves it, and every event's effect, as they were.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Actor } from '../../../shared/hub/messages';
import { createLogger } from '../../../shared/log';
import { createBlockWrites } from './blocks';
import { createCallWrites } from './calls';
import { createCaseReplica } from './case-replica';
import { openStore, type Store } from './database';
import { createDispatchWrites } from './dispatches';
import { createHubEvents, type HubEvents } from './hub-events';
import { createOutbox } from './outbox';
import { loadDefaultReference } from './reference';

const sari: Actor = { id: 'desk-2', role: 'desk', person: 'Sari' };
const T0 = Date.UTC(2026, 11, 3, 1, 0, 0);

let dir: string;
let file: string;
let db: Store;
let events: HubEvents;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-hub-events-'));
  file = path.join(dir, 'console.db');
  db = openStore(file);
  loadDefaultReference(db, path.join(process.cwd(), 'resources', 'data'));
  const outbox = createOutbox(db);
  const log = createLogger('test', () => undefined);
  events = createHubEvents(
    db,
    createCaseReplica(db, outbox, 'desk-1', log),
    createDispatchWrites(db, outbox),
    createCallWrites(db, outbox, 'desk-1'),
    createBlockWrites(db, outbox),
  );
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What another connection reads: what was committed. */
const committed = (): { lastSeq: number; cases: number } => {
  const other = new Database(file, { readonly: true });
  try {
    const lastSeq = (
      other.prepare('SELECT last_seq FROM sync_state WHERE id = 1').get() as { last_seq: number }
    ).last_seq;
    const cases = (other.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    return { lastSeq, cases };
  } finally {
    other.close();
  }
};

const opened = (seq: number) =>
  ({
    seq,
    type: 'case.changed',
    at: T0 + seq,
    actor: sari,
    caseId: uuidv7(),
    fields: {
      status: 'new',
      categoryId: 'kebakaran',
      urgency: 'darurat',
      description: `Rumah terbakar ${seq}`,
      kecamatanId: 'kartoharjo',
      kelurahanId: 'kelun',
      address: 'Jl. Pahlawan 1',
      landmark: 'depan masjid',
      anonim: false,
      rahasia: false,
    },
  }) as const;

it('moves the last seq event by event inside a batch and commits it with them', () => {
  const results = events.batch(() => [
    events.apply(opened(1), T0),
    events.apply(opened(2), T0),
    events.apply(opened(2), T0), // a repeat
    events.pass(3), // a newer hub's event
    events.apply(opened(5), T0), // 4 is missing
    events.lastSeq(),
  ]);
  expect(results).toEqual(['applied', 'applied', 'old', 'applied', 'gap', 3]);
  expect(committed()).toEqual({ lastSeq: 3, cases: 2 });
  expect(events.lastSeq()).toBe(3);
  // Outside a batch, each event commits on its own as before.
  expect(events.apply(opened(4), T0)).toBe('applied');
  expect(committed()).toEqual({ lastSeq: 4, cases: 3 });
});

it('leaves the last seq and every effect as they were when the batch fails', () => {
  expect(() =>
    events.batch(() => {
      events.apply(opened(1), T0);
      events.apply(opened(2), T0);
      throw new Error('the store failed mid-batch');
    }),
  ).toThrow('mid-batch');
  expect(committed()).toEqual({ lastSeq: 0, cases: 0 });
  expect(events.lastSeq()).toBe(0);
  expect(events.batch(() => events.apply(opened(1), T0))).toBe('applied');
  expect(committed()).toEqual({ lastSeq: 1, cases: 1 });
});
