/**
 * export.*: 100,000 cases (90 days of a seeded store) to XLSX through the console's export
 * code, in a child process of its own: the time from request to finished file, and that
 * process's peak resident memory (the worker thread included). SIGAP_BENCH_EXPORT_CASES
 * runs it at another size (the figure's name says which).
 */
import fs from 'node:fs';
import { storePath } from '../electron/core/core';
import { formatWibDay } from '../shared/time';
import { runTs } from '../tests/support/processes';
import { round, type Figure } from './lib/figures';
import { seededDataDir, tempDataDir } from './lib/stores';

const DAY_MS = 86_400_000;

export async function exportBench(): Promise<Figure[]> {
  const cases = Number(process.env.SIGAP_BENCH_EXPORT_CASES ?? 100_000);
  const size = cases % 1000 === 0 ? `${cases / 1000}k` : String(cases);
  const { dataDir } = await seededDataDir(cases);
  const outDir = tempDataDir('export');
  // The seeded store spans the 90 days up to now: this range holds every case.
  const from = formatWibDay(Date.now() - 92 * DAY_MS);
  const to = formatWibDay(Date.now() + DAY_MS);
  const child = runTs('bench/lib/export-child.ts', [storePath(dataDir), outDir, from, to, 'xlsx']);
  const code = await child.exited();
  const line = child
    .output()
    .split('\n')
    .find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`export bench failed:\n${child.output().slice(-2000)}`);
  const result = JSON.parse(line) as {
    seconds: number;
    cpuSeconds: number;
    rows: number;
    peakRssMb: number;
    file: string;
  };
  if (result.rows !== cases) throw new Error(`exported ${result.rows} of ${cases} cases`);
  const mb = fs.statSync(result.file).size / 1e6;
  return [
    { name: `export.xlsx_${size}_s`, value: round(result.seconds), unit: 's', target: '≤ 10' },
    { name: `export.xlsx_${size}_cpu_s`, value: round(result.cpuSeconds), unit: 's' },
    {
      name: 'export.xlsx_peak_rss_mb',
      value: round(result.peakRssMb, 1),
      unit: 'MB',
      target: '≤ 300',
    },
    { name: 'export.xlsx_file_mb', value: round(mb, 1), unit: 'MB' },
  ];
}
