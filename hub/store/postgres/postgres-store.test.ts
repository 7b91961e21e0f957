/**
 * The PostgreSQL hub store against a real, throwaway PostgreSQL server: writes not waited
 * for still fail the message they belong to (and only it), in a burst as alone (a group is
 * applied optimistically first, then carefully after any trouble), a failed write never lets a
 * COMMIT through, seq stays gapless across a rolled-back message, and a database from a
 * newer Sigap is refused untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventLog } from '../../event-log';
import { createGroupCommit } from '../../group-commit';
import {
  postgresUnavailable,
  startPostgres,
  withClient,
  type PostgresServer,
} from '../../../tests/support/postgres';
import type { HubStore } from '../store';
import { openPostgresStore } from './postgres-store';

const reason = postgresUnavailable();
let server: PostgresServer;
let n = 0;
const stores: HubStore[] = [];
const freshStore = async () => {
  const store = openPostgresStore(await server.createDatabase(`store_${++n}`));
  stores.push(store);
  return store;
};

describe.skipIf(reason !== undefined)(
  reason ? `PostgreSQL hub store (skipped: ${reason})` : 'PostgreSQL hub store',
  () => {
    beforeAll(async () => void (server = await startPostgres()), 60_000);
    afterAll(async () => {
      stores.forEach((s) => s.close());
      await server?.stop();
    });

    it('fails only the message whose unwaited write failed, and keeps seq gapless', async () => {
      const db = await freshStore();
      const commit = createGroupCommit(db, () => undefined);
      const insertCase = db.prepare(
        'INSERT INTO cases (id, holder_desk, created_at) VALUES (?, ?, ?)',
      );
      const appendEvent = db.prepare<[number, string], { seq: number }>(
        "INSERT INTO events (at, type, case_id, body) VALUES (?, ?, NULL, '{}') RETURNING seq",
      );
      const effects: string[] = [];
      const message = (id: string) =>
        new Promise<string>((resolve) =>
          commit.submit(
            () => {
              const { seq } = appendEvent.get(1, `made ${id}`)!;
              insertCase.run(id, 'desk-1', 1); // not waited for
              commit.afterCommit(() => effects.push(id));
              return `${id}@${seq}`;
            },
            resolve,
            (error) => `refused: ${(error as Error).message}`,
          ),
        );
      expect(await message('a')).toBe('a@1');
      const [b, again, c] = await Promise.all([message('b'), message('a'), message('c')]);
      expect(b).toBe('b@2');
      expect(again).toMatch(/^refused: duplicate key value/);
      expect(c).toBe('c@3'); // the refused message's event took no seq
      expect(effects).toEqual(['a', 'b', 'c']);
      commit.close();
      const rows = await withClient(server.urlFor(`store_${n}`), async (client) => ({
        cases: (await client.query('SELECT id FROM cases ORDER BY id')).rows,
        seqs: (await client.query('SELECT seq, type FROM events ORDER BY seq')).rows,
      }));
      expect(rows.cases).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
      expect(rows.seqs).toEqual([
        { seq: '1', type: 'made a' },
        { seq: '2', type: 'made b' },
        { seq: '3', type: 'made c' },
      ]);
    });

    it('gives events seqs in commit order across two nodes, and a failed message gives its seqs back', async () => {
      const url = await server.createDatabase(`store_${++n}`);
      const nodes = [openPostgresStore(url), openPostgresStore(url)];
      stores.push(...nodes);
      const [a, b] = nodes.map((db) => {
        const commit = createGroupCommit(db, () => undefined);
        const log = createEventLog(db);
        const insertCase = db.prepare(
          'INSERT INTO cases (id, holder_desk, created_at) VALUES (?, ?, ?)',
        );
        const message = (id: string, events: number) =>
          new Promise<string>((resolve) =>
            commit.submit(
              () => {
                const seqs = Array.from(
                  { length: events },
                  () => log.append({ type: 'call.logged', at: 1 } as never).seq,
                );
                insertCase.run(id, 'desk-1', 1); // not waited for: fails on a repeated id
                return `${id}@${seqs.join(',')}`;
              },
              resolve,
              (error) => `refused ${id}: ${(error as Error).message}`,
            ),
          );
        return { commit, message };
      });
      expect(await a!.message('a', 2)).toBe('a@1,2');
      expect(await b!.message('b', 1)).toBe('b@3'); // the other node counts on from the log
      const [again, c] = await Promise.all([a!.message('a', 2), a!.message('c', 1)]);
      expect(again).toMatch(/^refused a: duplicate key value/);
      expect(c).toBe('c@4'); // the refused message's two events took no seq
      expect(await b!.message('d', 1)).toBe('d@5');
      a!.commit.close();
      b!.commit.close();
      const seqs = await withClient(url, async (client) =>
        (await client.query('SELECT seq FROM events ORDER BY seq')).rows.map((r) => Number(r.seq)),
      );
      expect(seqs).toEqual([1, 2, 3, 4, 5]);
    });

    it('answers each message of a burst as applied alone, whatever fails in it and where', async () => {
      const db = await freshStore();
      const commit = createGroupCommit(db, () => undefined);
      const log = createEventLog(db);
      const insertCase = db.prepare(
        'INSERT INTO cases (id, holder_desk, created_at) VALUES (?, ?, ?)',
      );
      const cases = db.prepare<[], { id: string }>('SELECT id FROM cases ORDER BY id');
      const effects: string[] = [];
      /** Writes case `id`, then reads what is stored, or throws after writing. */
      const message = (id: string, then: 'read' | 'throw' | 'nothing') =>
        new Promise<string>((resolve) =>
          commit.submit(
            () => {
              const { seq } = log.append({ type: 'call.logged', at: 1 } as never);
              insertCase.run(id, 'desk-1', 1); // not waited for: fails on a repeated id
              if (then === 'throw') throw new Error(`${id} gave up`);
              commit.afterCommit(() => effects.push(id));
              const seen = then === 'read' ? `:${cases.all().map((c) => c.id)}` : '';
              return `${id}@${seq}${seen}`;
            },
            resolve,
            (error) => `refused ${id}: ${(error as Error).message}`,
          ),
        );
      expect(await message('a', 'nothing')).toBe('a@1');
      // One burst: a repeat whose write fails with a read after it in the next message, a
      // message that throws after writing, and messages that only write.
      const burst = await Promise.all([
        message('b', 'nothing'),
        message('a', 'nothing'),
        message('c', 'read'),
        message('d', 'throw'),
        message('e', 'nothing'),
      ]);
      expect(burst).toEqual([
        'b@2',
        expect.stringMatching(/^refused a: duplicate key value/),
        'c@3:a,b,c',
        'refused d: d gave up',
        'e@4',
      ]);
      expect(effects).toEqual(['a', 'b', 'c', 'e']);
      commit.close();
      const rows = await withClient(server.urlFor(`store_${n}`), async (client) => ({
        cases: (await client.query('SELECT id FROM cases ORDER BY id')).rows.map((r) => r.id),
        seqs: (await client.query('SELECT seq FROM events ORDER BY seq')).rows.map((r) =>
          Number(r.seq),
        ),
      }));
      expect(rows).toEqual({ cases: ['a', 'b', 'c', 'e'], seqs: [1, 2, 3, 4] });
    });

    it('never commits a transaction in which a write failed', async () => {
      const db = await freshStore();
      const insertCase = db.prepare(
        'INSERT INTO cases (id, holder_desk, created_at) VALUES (?, ?, ?)',
      );
      const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases');
      expect(() =>
        db.transaction(() => {
          insertCase.run('x', 'desk-1', 1);
          insertCase.run('x', 'desk-1', 1); // fails, not waited for
        })(),
      ).toThrow(/duplicate key value/);
      expect(count.get()).toEqual({ n: 0 });
      db.transaction(() => insertCase.run('y', 'desk-1', 1))();
      expect(count.get()).toEqual({ n: 1 });
    });

    it('refuses a database a newer Sigap wrote, and leaves it as it was', async () => {
      const url = await server.createDatabase('from_newer');
      await withClient(url, async (client) => {
        await client.query('CREATE TABLE sigap_store (version integer NOT NULL)');
        await client.query('INSERT INTO sigap_store (version) VALUES (999)');
      });
      expect(() => openPostgresStore(url)).toThrow(/newer than this Sigap understands/);
      const tables = await withClient(
        url,
        async (client) =>
          (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows,
      );
      expect(tables).toEqual([{ tablename: 'sigap_store' }]);
    });
  },
);
