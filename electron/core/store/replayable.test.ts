import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { replayable } from './replayable';

const FULL = 2;
const NORMAL = 1;

let dir: string;
let db: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-replayable-'));
  db = openStore(path.join(dir, 'console.db'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const lastSeq = (file: string): number => {
  const other = new Database(file, { readonly: true });
  try {
    return (
      other.prepare('SELECT last_seq FROM sync_state WHERE id = 1').get() as { last_seq: number }
    ).last_seq;
  } finally {
    other.close();
  }
};

describe('replayable', () => {
  it('commits without waiting for the disk, then puts full sync back for operator writes', () => {
    let during = -1;
    replayable(db, () => {
      during = db.pragma('synchronous', { simple: true }) as number;
      db.prepare('UPDATE sync_state SET last_seq = 41 WHERE id = 1').run();
    });
    expect(during).toBe(NORMAL);
    expect(lastSeq(path.join(dir, 'console.db'))).toBe(41); // committed: another reader sees it
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it('writes nothing when the work throws, and still puts full sync back', () => {
    expect(() =>
      replayable(db, () => {
        db.prepare('UPDATE sync_state SET last_seq = 7 WHERE id = 1').run();
        throw new Error('event outside the protocol');
      }),
    ).toThrow('event outside the protocol');
    expect(lastSeq(path.join(dir, 'console.db'))).toBe(0);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it("inside an operator's transaction, leaves the commit to that transaction", () => {
    let during = -1;
    db.transaction(() => {
      replayable(db, () => {
        during = db.pragma('synchronous', { simple: true }) as number;
      });
    })();
    expect(during).toBe(FULL);
  });
});
