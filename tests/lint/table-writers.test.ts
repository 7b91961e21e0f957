/**
 * Rows of one table are written by one module of the console backend: a second module
 * that inserts, updates or deletes rows of a table fails here, and so does an API handler
 * that reaches past the store's typed interface (store/interface.ts). Migrations (which create and
 * reshape tables) and tests are not writers. A new table needs no entry: it only has to
 * keep to one writer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

const CORE = path.join(repoRoot, 'electron', 'core');

/** Where each table of the desk's store is written (paths under electron/core). */
const OWNERS: Record<string, string> = {
  cases: 'store/case-rows.ts',
  case_timeline: 'store/case-rows.ts',
  case_confirmed: 'store/case-replica.ts',
  calls: 'store/calls.ts',
  callers: 'store/calls.ts',
  dispatches: 'store/dispatches.ts',
  outbox: 'store/outbox.ts',
  sync_state: 'store/hub-events.ts',
  drafts: 'store/drafts.ts',
  settings: 'store/settings.ts',
  operators: 'store/operators.ts',
  categories: 'store/reference.ts',
  kecamatan: 'store/reference.ts',
  kelurahan: 'store/reference.ts',
  opds: 'store/reference.ts',
  routing: 'store/reference.ts',
};

// `INSERT [OR …] INTO t`, `REPLACE INTO t`, `DELETE FROM t`, `UPDATE [OR …] t SET` — but
// not the `DO UPDATE SET` of an upsert, which writes the table its INSERT names.
const WRITE =
  /\b(?:(?:INSERT(?:\s+OR\s+\w+)?|REPLACE)\s+INTO\s+(\w+)|DELETE\s+FROM\s+(\w+)|(?<!\bDO\s+)UPDATE(?:\s+OR\s+\w+)?\s+(\w+)\s+SET\b)/gi;

/** The tables a source text writes. */
export function tablesWritten(source: string): string[] {
  const tables = new Set<string>();
  for (const m of source.matchAll(WRITE)) tables.add((m[1] ?? m[2] ?? m[3]!).toLowerCase());
  return [...tables].sort();
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Table → the modules (paths under electron/core) that write it. */
function writers(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of sources(CORE)) {
    const module = path.relative(CORE, file).split(path.sep).join('/');
    for (const table of tablesWritten(fs.readFileSync(file, 'utf8'))) {
      (found[table] ??= []).push(module);
    }
  }
  return found;
}

describe('table writers', () => {
  it('lets API handlers reach the store only through its interface', () => {
    const handlers = [...sources(path.join(CORE, 'api')), path.join(CORE, 'context.ts')];
    const reached = handlers.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/from '[./]*\/store\/([\w-]+)'/g)]
        .map((m) => m[1])
        .filter((module) => module !== 'interface')
        .map((module) => `${path.relative(CORE, file)} → store/${module}`),
    );
    expect(reached).toEqual([]);
  });

  it('finds inserts, updates and deletes, and not the update of an upsert', () => {
    const source = `
      db.prepare('INSERT INTO cases (id) VALUES (?)');
      db.prepare(\`insert or ignore into calls (id) VALUES (?)
        ON CONFLICT (id) DO UPDATE SET id = excluded.id\`);
      db.prepare(\`UPDATE dispatches SET \${sets} WHERE id = ?\`);
      db.prepare('DELETE FROM drafts WHERE id = ?');
      db.prepare('REPLACE INTO settings (key) VALUES (?)');
      // Update the counts; a SELECT reads outbox only.
    `;
    expect(tablesWritten(source)).toEqual(['calls', 'cases', 'dispatches', 'drafts', 'settings']);
  });

  it('has every table of the console backend written by one module', () => {
    const shared = Object.entries(writers()).filter(([, modules]) => modules.length > 1);
    expect(Object.fromEntries(shared)).toEqual({});
  });

  it('has each table written by the module that owns it', () => {
    const found = writers();
    for (const [table, owner] of Object.entries(OWNERS)) {
      expect({ table, writers: found[table] }).toEqual({ table, writers: [owner] });
    }
  });
});
