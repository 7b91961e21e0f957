import type { Migration } from '../migrate';

/**
 * The outbox learns `export.logged`, which tells the hub's audit log about an export made
 * at this desk (later, when the hub was away). SQLite cannot widen a CHECK in place, so the
 * table is rebuilt from its own definition with one more kind: whatever kinds earlier
 * migrations allowed stay allowed, and its indexes are made again as they were.
 */
const KIND = 'export.logged';

export const m0018ExportAudit: Migration = {
  version: 18,
  name: 'export-audit',
  up(db) {
    const table = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")
      .pluck()
      .get() as string;
    if (table.includes(`'${KIND}'`)) return;
    const kinds = /(kind\s+TEXT\s+NOT\s+NULL\s+CHECK\s*\(\s*kind\s+IN\s*\()([^)]*)\)/i;
    if (!kinds.test(table)) throw new Error('the outbox has no list of kinds to widen');
    const next = table
      .replace(kinds, (_all, head: string, list: string) => `${head}${list}, '${KIND}')`)
      .replace(/^CREATE TABLE\s+("outbox"|outbox)/i, 'CREATE TABLE outbox_next');
    const indexes = db
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL",
      )
      .pluck()
      .all() as string[];
    db.exec(next);
    db.exec(`
      INSERT INTO outbox_next SELECT * FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
    `);
    for (const index of indexes) db.exec(index);
  },
};
