/** Every migration of the PostgreSQL hub store, in order. Append only; never edit a shipped one. */
import { p0001Center } from './0001-center';
import { p0002EventSeq } from './0002-event-seq';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const pgMigrations: readonly PgMigration[] = [p0001Center, p0002EventSeq];
