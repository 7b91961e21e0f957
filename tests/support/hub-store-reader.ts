/**
 * Reads a running hub's record from outside the hub, as an auditor would: a read-only
 * SQLite handle on its file, or a PostgreSQL connection to its database. Statements are
 * written once, with `?` parameters.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { bigintAsNumber } from '../../hub/store/postgres/number-types';
import { hubStoreFile } from '../../hub/store/database';
import { bindValues, toPostgres } from '../../hub/store/postgres/sql-dialect';

export interface StoreReader {
  get<R>(sql: string, ...params: unknown[]): Promise<R | undefined>;
  close(): Promise<void>;
}

/** `dataDir` and `storeArgs` as the hub was started with them (hub-stores.ts). */
export async function openStoreReader(dataDir: string, storeArgs: string[]): Promise<StoreReader> {
  const at = storeArgs.indexOf('--store');
  if (at < 0) {
    const db = new Database(hubStoreFile(dataDir), { readonly: true, fileMustExist: true });
    return {
      get: async <R>(sql: string, ...params: unknown[]) =>
        db.prepare<unknown[], R>(sql).get(...params),
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({
    connectionString: storeArgs[at + 1],
    types: bigintAsNumber,
  });
  client.on('error', () => undefined);
  await client.connect();
  return {
    async get<R>(sql: string, ...params: unknown[]) {
      const statement = toPostgres(sql);
      const result = await client.query(statement.text, bindValues(statement, params));
      return result.rows[0] as R | undefined;
    },
    close: () => client.end(),
  };
}
