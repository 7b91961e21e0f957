/** Typed reads and writes of desk-local settings. */
import { Language } from '../../../shared/api/contract';
import type { Store } from './database';

export function readLanguage(db: Store): Language {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get('language') as
    { value: string } | undefined;
  const parsed = Language.safeParse(row ? JSON.parse(row.value) : undefined);
  return parsed.success ? parsed.data : 'id';
}

export function writeLanguage(db: Store, language: Language, now: number): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES ('language', ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(language), now);
}
