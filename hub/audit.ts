/**
 * The center audit log at the hub: who did what, when, from which desk, with details. The
 * one writer of the `audit` table. Other hub code records through `record(...)` inside the
 * transaction of the change it describes, so an entry exists exactly when its change does.
 */
import type { AuditEntry, AuditFilter } from '../shared/domain/account';
import type { HubStore } from './store/store';

export interface AuditRecord {
  at: number;
  /** The account that acted and its display name. */
  personId: string;
  person: string;
  action: string;
  /** The desk (or other peer id) it came from. */
  desk: string;
  details?: AuditEntry['details'];
}

interface AuditRow {
  id: number;
  at: number;
  person_id: string;
  person: string;
  action: string;
  desk: string;
  details: string;
}

export function createAuditLog(db: HubStore) {
  const insert = db.prepare(
    'INSERT INTO audit (at, person_id, person, action, desk, details) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<
    { personId: string | null; action: string | null; from: number; until: number; limit: number },
    AuditRow
  >(
    `SELECT * FROM audit
     WHERE (CAST(@personId AS TEXT) IS NULL OR person_id = @personId)
       AND (CAST(@action AS TEXT) IS NULL OR action = @action)
       AND at >= @from AND at <= @until
     ORDER BY at DESC, id DESC LIMIT @limit`,
  );

  return {
    record(entry: AuditRecord): void {
      insert.run(
        entry.at,
        entry.personId,
        entry.person,
        entry.action,
        entry.desk,
        JSON.stringify(entry.details ?? {}),
      );
    },

    /** Newest first. */
    list(filter: AuditFilter): AuditEntry[] {
      return select
        .all({
          personId: filter.personId ?? null,
          action: filter.action ?? null,
          from: filter.from ?? 0,
          until: filter.until ?? Number.MAX_SAFE_INTEGER,
          limit: filter.limit,
        })
        .map((r) => ({
          id: r.id,
          at: r.at,
          personId: r.person_id,
          person: r.person,
          action: r.action,
          desk: r.desk,
          details: JSON.parse(r.details) as AuditEntry['details'],
        }));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
