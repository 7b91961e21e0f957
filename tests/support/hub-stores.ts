/**
 * Runs a hub test against both of the hub's stores: SQLite (the embedded default) and
 * PostgreSQL, on a throwaway server this test file starts once (one database per hub).
 * Without PostgreSQL's server binaries the PostgreSQL half is skipped, and says why.
 */
import { afterAll, describe } from 'vitest';
import { postgresUnavailable, startPostgres, type PostgresServer } from './postgres';

export type HubStoreKind = 'sqlite' | 'postgres';

let server: Promise<PostgresServer> | undefined;
let databases = 0;

/** The file's PostgreSQL server, started on first use and stopped after the file. */
function sharedServer(): Promise<PostgresServer> {
  if (!server) {
    server = startPostgres();
    const started = server;
    // A failed start is reported by the hub that waits for it, not as a stray rejection.
    started.catch(() => undefined);
    afterAll(async () => (await started).stop());
  }
  return server;
}

/**
 * The hub's arguments for a fresh, empty store of `kind`: none for SQLite (the hub's
 * --data folder holds it), `--store URL` of a new database for PostgreSQL.
 */
export async function storeArgs(kind: HubStoreKind): Promise<string[]> {
  if (kind === 'sqlite') return [];
  const pg = await sharedServer();
  return ['--store', await pg.createDatabase(`hub_${process.pid}_${++databases}`)];
}

/** `body` once per store, each in its own describe named for it. */
export function describeEachStore(name: string, body: (store: HubStoreKind) => void): void {
  describe(`${name} · SQLite`, () => body('sqlite'));
  const reason = postgresUnavailable();
  const title = reason ? `${name} · PostgreSQL (skipped: ${reason})` : `${name} · PostgreSQL`;
  describe.skipIf(reason !== undefined)(title, () => {
    // Started with the first describe, before any of its hubs ask for a database.
    if (!reason) void sharedServer();
    body('postgres');
  });
}

/** `body` on PostgreSQL only (several hub nodes share one record there), or skipped, saying why. */
export function describeOnPostgres(name: string, body: () => void): void {
  const reason = postgresUnavailable();
  describe.skipIf(reason !== undefined)(reason ? `${name} (skipped: ${reason})` : name, body);
}
