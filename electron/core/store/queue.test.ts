/**
 * The queue query against a plain in-memory model of the same cases: for any mix of
 * filters, sort and page, SQLite returns exactly the rows, order and total the model does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStatus } from '../../../shared/domain/case';
import { QueueQuery } from '../../../shared/domain/queue';
import { ensureDemoAccounts } from '../auth/demo-accounts';
import { bulkInsert } from '../seed/bulk-insert';
import { seededRandom } from '../seed/random';
import { syntheticCalls } from '../seed/synthetic';
import { openStore, type Store } from './database';
import { queryQueue } from './queue';
import { loadDefaultReference, readReference } from './reference';

interface ModelCase {
  id: string;
  created_at: number;
  seq: number;
  status: string;
  urgency: string;
  category_id: string;
  kecamatan_id: string;
  kelurahan_id: string;
}

let dir: string;
let db: Store;
let model: ModelCase[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-queue-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, path.resolve(__dirname, '..', '..', '..', 'resources', 'data'));
  await ensureDemoAccounts(db, dir, Date.now());
  const op = db.prepare('SELECT id FROM operators LIMIT 1').get() as { id: string };
  const end = Date.UTC(2026, 10, 28);
  bulkInsert(
    db,
    syntheticCalls(seededRandom(5), readReference(db), { cases: 400, endAt: end, spanDays: 10 }),
    op.id,
    'desk-1',
  );
  model = db
    .prepare(
      'SELECT id, created_at, seq, status, urgency, category_id, kecamatan_id, kelurahan_id FROM cases',
    )
    .all() as ModelCase[];
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const column = {
  time: 'created_at',
  urgency: 'urgency',
  status: 'status',
  category: 'category_id',
  kelurahan: 'kelurahan_id',
} as const;

describe('queue query', () => {
  it('agrees with a plain model for any filters, sort and page', () => {
    const ref = readReference(db);
    const day = 86_400_000;
    const end = Date.UTC(2026, 10, 28);
    const query = fc.record(
      {
        status: fc.subarray([...CaseStatus.options], { minLength: 1 }),
        urgency: fc.subarray(['darurat', 'non_darurat'] as const, { minLength: 1 }),
        categoryId: fc.subarray(
          ref.categories.map((c) => c.id),
          { minLength: 1, maxLength: 4 },
        ),
        kecamatanId: fc.subarray(
          ref.kecamatan.map((k) => k.id),
          { minLength: 1 },
        ),
        from: fc.integer({ min: end - 11 * day, max: end }),
        sort: fc.record({
          column: fc.constantFrom('time', 'urgency', 'status', 'category', 'kelurahan'),
          dir: fc.constantFrom('asc', 'desc'),
        }),
        offset: fc.integer({ min: 0, max: 120 }),
        limit: fc.integer({ min: 1, max: 60 }),
      },
      { requiredKeys: ['sort', 'offset', 'limit'] },
    );
    fc.assert(
      fc.property(query, (raw) => {
        const q = QueueQuery.parse(raw);
        const matches = model.filter(
          (c) =>
            (!q.status || q.status.includes(c.status as CaseStatus)) &&
            (!q.urgency || q.urgency.includes(c.urgency as 'darurat')) &&
            (!q.categoryId || q.categoryId.includes(c.category_id)) &&
            (!q.kecamatanId || q.kecamatanId.includes(c.kecamatan_id)) &&
            (q.from === undefined || c.created_at >= q.from),
        );
        const sign = q.sort.dir === 'asc' ? 1 : -1;
        const key = column[q.sort.column];
        const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
        matches.sort(
          (a, b) =>
            sign * (cmp(a[key], b[key]) || cmp(a.created_at, b.created_at) || cmp(a.seq, b.seq)),
        );
        const page = queryQueue(db, q);
        expect(page.total).toBe(matches.length);
        expect(page.rows.map((r) => r.caseId)).toEqual(
          matches.slice(q.offset, q.offset + q.limit).map((c) => c.id),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('skips the count when asked, for later pages', () => {
    expect(queryQueue(db, QueueQuery.parse({ count: false, limit: 5 }))).toMatchObject({
      total: null,
    });
  });
});
