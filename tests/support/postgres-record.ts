/**
 * The center's record in a PostgreSQL hub store, copied into a SQLite file with the same
 * tables and columns: the end checks written against the SQLite store (replica-check.ts,
 * fleet-agreement.ts) then read the record of hub nodes that share PostgreSQL unchanged.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

/** The tables the end checks read. */
const RECORD_TABLES = ['cases', 'case_fields', 'dispatches', 'events'] as const;

export async function copyRecordToSqlite(postgresUrl: string, file: string): Promise<void> {
  const client = new pg.Client({
    connectionString: postgresUrl,
    // seq and times (bigint) as numbers, as SQLite gives them.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  client.on('error', () => undefined);
  await client.connect();
  const db = new Database(file);
  try {
    for (const table of RECORD_TABLES) {
      const result = await client.query(`SELECT * FROM ${table}`);
      const columns = result.fields.map((f) => f.name);
      db.exec(`CREATE TABLE ${table} (${columns.join(', ')})`);
      const insert = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      db.transaction(() => {
        for (const row of result.rows as Array<Record<string, unknown>>)
          insert.run(...columns.map((c) => sqliteValue(row[c])));
      })();
    }
  } finally {
    db.close();
    await client.end();
  }
}

function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}
