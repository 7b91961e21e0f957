/**
 * query.100k.*: the queue's questions answered by SQLite over 100,000 cached cases, through
 * the same query code the console API uses. Each figure is the median of repeated runs;
 * filter_sort is the slowest of several typical operator views.
 */
import { storePath } from '../electron/core/core';
import { openStore } from '../electron/core/store/database';
import { queryQueue } from '../electron/core/store/queue';
import { QueueQuery } from '../shared/domain/queue';
import { percentile, round, type Figure } from './lib/figures';
import { seededDataDir } from './lib/stores';

const RUNS = 15;

export async function queryBench(): Promise<Figure[]> {
  const { dataDir } = await seededDataDir(100_000);
  const db = openStore(storePath(dataDir));
  const median = (q: object): number => {
    const parsed = QueueQuery.parse(q);
    queryQueue(db, parsed);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      queryQueue(db, parsed);
      times.push(performance.now() - t0);
    }
    return percentile(
      times.sort((a, b) => a - b),
      50,
    );
  };
  const filterSort = Math.max(
    median({ status: ['new', 'dispatched', 'in_progress'], urgency: ['darurat'] }),
    median({ status: ['new', 'in_progress'], sort: { column: 'category', dir: 'asc' } }),
    median({
      kecamatanId: ['taman'],
      urgency: ['darurat'],
      sort: { column: 'kelurahan', dir: 'desc' },
    }),
    median({
      categoryId: ['jalan-rusak', 'drainase'],
      from: Date.now() - 30 * 86_400_000,
      sort: { column: 'status', dir: 'asc' },
    }),
  );
  const search = Math.max(
    median({ text: 'pohon tumbang' }),
    median({ text: 'pahlawan' }),
    median({ text: 'lampu', status: ['new'] }),
  );
  const page = Math.max(
    median({ urgency: ['non_darurat'], offset: 40_000 }),
    median({ status: ['resolved'], offset: 10_000 }),
  );
  db.close();
  return [
    { name: 'query.100k.filter_sort_ms', value: round(filterSort), unit: 'ms', target: '≤ 50' },
    { name: 'query.100k.search_ms', value: round(search), unit: 'ms', target: '≤ 50' },
    { name: 'query.100k.page_ms', value: round(page), unit: 'ms', target: '≤ 50' },
  ];
}
