/**
 * Numbered migrations: every pending one runs in a single transaction that also sets
 * `user_version`, so a store is always at exactly one known version. A store from a newer
 * Sigap is refused before anything is written to it.
 */
import type { Database } from 'better-sqlite3';
import { CoreError } from '../errors';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version}, expected ${i + 1}.`);
    }
  });
}

export function tooNewError(found: number, latest: number): CoreError {
  return new CoreError(
    'store.too_new',
    `The local store is at version ${found}, newer than this Sigap understands (${latest}). ` +
      'It was left untouched; install the newer Sigap to open it.',
  );
}

/** Runs pending migrations; returns the versions before and after. */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
): { from: number; to: number } {
  assertWellFormed(migrations);
  const latest = latestVersion(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw tooNewError(from, latest);
  if (from === latest) return { from, to: from };
  db.transaction(() => {
    for (const m of migrations) if (m.version > from) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
