import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';
import { sqliteStore } from './store/sqlite-store';

const open: Database.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function store() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-group-')), 'hub.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
  // A second connection sees only what has been committed.
  const reader = new Database(file, { readonly: true });
  open.push(db, reader);
  const committed = () =>
    (reader.prepare('SELECT id FROM t ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  return { db, committed };
}

describe('group commit', () => {
  it('answers each message only after the group holding it has committed', async () => {
    const { db, committed } = store();
    const commit = createGroupCommit(sqliteStore(db), () => undefined);
    const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
    const seenAtAnswer: string[][] = [];
    const seenAtEffect: string[][] = [];
    const answered = ['a', 'b', 'c'].map(
      (id) =>
        new Promise<string>((resolve) =>
          commit.submit(
            () => {
              insert.run(id);
              commit.afterCommit(() => seenAtEffect.push(committed()));
              return id;
            },
            (r) => {
              seenAtAnswer.push(committed());
              resolve(r);
            },
            () => 'failed',
          ),
        ),
    );
    expect(committed()).toEqual([]); // nothing applied before the turn ends
    expect(await Promise.all(answered)).toEqual(['a', 'b', 'c']);
    for (const seen of [...seenAtAnswer, ...seenAtEffect]) expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('rolls back only the message that threw, and drops its effects', async () => {
    const { db, committed } = store();
    const commit = createGroupCommit(sqliteStore(db), () => undefined);
    const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
    const effects: string[] = [];
    const run = (id: string, fail: boolean) =>
      new Promise<string>((resolve) =>
        commit.submit(
          () => {
            insert.run(id);
            commit.afterCommit(() => effects.push(id));
            if (fail) throw new Error('boom');
            return 'ok';
          },
          resolve,
          (e) => `failed: ${(e as Error).message}`,
        ),
      );
    expect(await Promise.all([run('a', false), run('b', true), run('c', false)])).toEqual([
      'ok',
      'failed: boom',
      'ok',
    ]);
    expect(committed()).toEqual(['a', 'c']);
    expect(effects).toEqual(['a', 'c']);
  });

  it('answers every message of a group whose commit fails with an error, sending no effect', async () => {
    const { db, committed } = store();
    const commit = createGroupCommit(sqliteStore(db), () => undefined);
    const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
    // Deferred foreign keys fail at COMMIT, after every message of the group was applied.
    db.exec(
      'PRAGMA foreign_keys = ON; CREATE TABLE child (p TEXT REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED)',
    );
    const orphan = db.prepare('INSERT INTO child (p) VALUES (?)');
    const effects: string[] = [];
    const run = (work: () => void) =>
      new Promise<string>((resolve) =>
        commit.submit(
          () => {
            work();
            commit.afterCommit(() => effects.push('sent'));
            return 'ok';
          },
          resolve,
          () => 'failed',
        ),
      );
    expect(
      await Promise.all([run(() => insert.run('a')), run(() => orphan.run('nobody'))]),
    ).toEqual(['failed', 'failed']);
    expect(committed()).toEqual([]);
    expect(effects).toEqual([]);
    // The failed group left no transaction open: the next one commits.
    expect(await run(() => insert.run('b'))).toBe('ok');
    expect(committed()).toEqual(['b']);
  });

  it('answers every other message of the group when answering one of them throws', async () => {
    const { db, committed } = store();
    const reported: string[] = [];
    const commit = createGroupCommit(sqliteStore(db), (e) => reported.push((e as Error).message));
    const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
    const answered: string[] = [];
    const last = new Promise<void>((resolve) => {
      const run = (id: string, answerThrows: boolean, failThrows = false, onDone?: () => void) =>
        commit.submit(
          () => {
            insert.run(id);
            if (failThrows) throw new Error(`${id} refused`);
            return id;
          },
          (r) => {
            if (answerThrows) throw new Error(`peer of ${r} is gone`);
            answered.push(r);
            onDone?.();
          },
          (e) => {
            // Building the error answer itself throws here.
            throw new Error(`no answer for ${(e as Error).message}`);
          },
        );
      run('a', false);
      run('b', true);
      run('c', false, true);
      run('d', false, false, resolve);
    });
    await last;
    expect(answered).toEqual(['a', 'd']);
    expect(committed()).toEqual(['a', 'b', 'd']);
    expect(reported).toEqual(['no answer for c refused', 'peer of b is gone']);
  });
});
