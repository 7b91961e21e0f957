/**
 * The throwaway PostgreSQL server every PostgreSQL test stands on: a real server starts, a
 * committed row survives a crash of it, each test can have its own empty database, a
 * pg_dump restores to the same rows, and stop() leaves nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupAlive } from './postgres-binaries';
import {
  postgresUnavailable,
  PostgresError,
  startPostgres,
  withClient,
  type PostgresServer,
} from './postgres';
import { tempDir } from './processes';

const reason = postgresUnavailable();
if (reason) process.stdout.write(`postgres tests skipped: ${reason}\n`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const tables = (url: string) =>
  withClient(url, async (c) =>
    (
      await c.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
      )
    ).rows.map((r) => r.tablename),
  );

describe.skipIf(reason !== undefined)('throwaway PostgreSQL server', () => {
  let server: PostgresServer;
  const dirs: string[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
    dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  it('keeps a row committed with synchronous commit through a kill -9 and a restart', async () => {
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/sigap`);
    const settings = await withClient(server.url, async (c) => {
      await c.query('CREATE TABLE dispatches (id text PRIMARY KEY, opd text NOT NULL)');
      await c.query("INSERT INTO dispatches VALUES ('d-1', 'dlh')");
      const r = await c.query<{ fsync: string; sync: string }>(
        "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync",
      );
      return r.rows[0];
    });
    expect(settings).toEqual({ fsync: 'on', sync: 'on' });

    const pid = server.pid()!;
    await server.kill();
    expect(alive(pid)).toBe(false);
    expect(server.pid()).toBeUndefined();
    expect(fs.existsSync(path.join(server.dataDir, 'PG_VERSION'))).toBe(true);

    await server.start();
    expect(server.log()).toMatch(/not properly shut down; automatic recovery in progress/);
    const rows = await withClient(server.url, (c) => c.query('SELECT id, opd FROM dispatches'));
    expect(rows.rows).toEqual([{ id: 'd-1', opd: 'dlh' }]);
  });

  it('gives each createDatabase an empty database of its own, and drops it', async () => {
    await withClient(server.url, (c) => c.query('CREATE TABLE IF NOT EXISTS marker (n int)'));
    const url = await server.createDatabase('test_fresh');
    expect(url).toBe(server.urlFor('test_fresh'));
    expect(await tables(url)).toEqual([]);
    await withClient(url, (c) => c.query('CREATE TABLE own (n int)'));
    expect(await tables(url)).toEqual(['own']);
    expect(await tables(server.url)).not.toContain('own');

    await server.dropDatabase('test_fresh');
    const left = await withClient(server.urlFor('postgres'), (c) =>
      c.query("SELECT 1 FROM pg_database WHERE datname = 'test_fresh'"),
    );
    expect(left.rowCount).toBe(0);

    const bad = await server.createDatabase('x"; DROP DATABASE sigap; --').catch((e) => e);
    expect(bad).toBeInstanceOf(PostgresError);
    expect((bad as PostgresError).code).toBe('bad-name');
    expect(await tables(server.url)).toContain('marker');
  });

  it('restores a pg_dump into a new database with the same rows', async () => {
    const source = await server.createDatabase('test_source');
    const rowsOf = (url: string) =>
      withClient(url, async (c) => (await c.query('SELECT * FROM cases ORDER BY id')).rows);
    await withClient(source, async (c) => {
      await c.query(
        'CREATE TABLE cases (id serial PRIMARY KEY, caller text, detail jsonb, at timestamptz)',
      );
      await c.query(
        `INSERT INTO cases (caller, detail, at) VALUES
           ('Bu Sri ''Warung''', '{"kelurahan": "Manguharjo", "urgent": true}', '2026-12-03T08:15:00+07'),
           (NULL, '{"kelurahan": "Kartoharjo"}', '2026-12-03T09:00:00+07'),
           ('Pak Anto — 112', NULL, NULL)`,
      );
    });
    // A directory only this process's user may enter: the dump goes through our own files.
    const dir = tempDir('sigap-pgdump-');
    dirs.push(dir);
    const file = path.join(dir, 'center.dump');
    await server.dump(file, 'test_source');
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

    const copy = await server.restore(file, 'test_copy');
    expect(copy).toBe(server.urlFor('test_copy'));
    const original = await rowsOf(source);
    expect(original).toHaveLength(3);
    expect(await rowsOf(copy)).toEqual(original);
    // The restored sequence carries on after the restored rows.
    const next = await withClient(copy, (c) =>
      c.query<{ id: number }>("INSERT INTO cases (caller) VALUES ('next') RETURNING id"),
    );
    expect(next.rows[0]!.id).toBe(4);
  });

  it('leaves no process and no files after stop(), and keeps data through restart()', async () => {
    const other = await startPostgres();
    const root = path.dirname(other.dataDir);
    await withClient(other.url, async (c) => {
      await c.query('CREATE TABLE t (n int)');
      await c.query('INSERT INTO t VALUES (7)');
    });
    const before = other.pid()!;
    await other.restart();
    expect(other.pid()).not.toBe(before);
    const kept = await withClient(other.url, (c) => c.query('SELECT n FROM t'));
    expect(kept.rows).toEqual([{ n: 7 }]);

    const pid = other.pid()!;
    expect(groupAlive(pid)).toBe(true);
    await other.stop();
    expect(alive(pid)).toBe(false);
    expect(groupAlive(pid)).toBe(false);
    expect(fs.existsSync(root)).toBe(false);
    await other.stop();
    await expect(other.start()).rejects.toMatchObject({ code: 'not-running' });
  });
});
