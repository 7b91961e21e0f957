/**
 * How the hub reads PostgreSQL's bigint columns (times in ms, seqs, counts): as numbers, as
 * SQLite gives them, so the record's operations see the same values on either store. Every
 * value the record holds stays well below 2^53.
 */
import pg from 'pg';

const INT8 = 20;

export const bigintAsNumber = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;
