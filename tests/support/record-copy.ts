/**
 * A copy of a PostgreSQL hub's record in a SQLite hub store, table by table, so that the
 * fault tests' agreement checks (replica-check.ts, fleet-agreement.ts) read either store
 * the same way. The copy is taken in one repeatable-read transaction: one moment's record.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { bigintAsNumber } from '../../hub/store/postgres/number-types';
import { openSqliteFile } from '../../hub/store/database';

/** The record's tables, parents before children (the SQLite store checks foreign keys). */
const TABLES = [
  'applied',
  'cases',
  'case_fields',
  'dispatches',
  'case_editors',
  'calls',
  'events',
  'case_reporters',
  'blocks',
  'accounts',
  'person_tokens',
  'audit',
  'reports',
  'alarm_acks',
  'escalations',
  'rules_versions',
] as const;

/** Copies the record at `url` into a fresh hub store in `dataDir`; returns its file. */
export async function copyPostgresRecord(url: string, dataDir: string): Promise<string> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const client = new pg.Client({
    connectionString: url,
    types: bigintAsNumber,
  });
  client.on('error', () => undefined);
  await client.connect();
  const db = openSqliteFile(dataDir);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const rows = new Map<string, Array<Record<string, unknown>>>();
    for (const table of TABLES)
      rows.set(table, (await client.query(`SELECT * FROM ${table}`)).rows);
    await client.query('COMMIT');
    db.transaction(() => {
      for (const table of TABLES) {
        const list = rows.get(table)!;
        if (list.length === 0) continue;
        const columns = Object.keys(list[0]!);
        const insert = db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of list) insert.run(...columns.map((c) => row[c] ?? null));
      }
    })();
    return path.join(dataDir, 'hub.db');
  } finally {
    db.close();
    await client.end().catch(() => undefined);
  }
}
