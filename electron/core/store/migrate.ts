/** The console store's migrations use the shared runner with better-sqlite3's Database. */
import type { Database } from 'better-sqlite3';
import type { Migration as StoreMigration } from '../../../shared/store/migrate';

export type Migration = StoreMigration<Database>;
