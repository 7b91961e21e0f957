/**
 * One export in a process of its own, so its peak memory is the export's alone: runs the
 * console's export code (a worker thread, as core runs it) on a store and prints one JSON
 * line with the time from request to finished file, the CPU time it took (all threads),
 * the rows written and the process's peak resident memory (worker included).
 * Usage: export-child.ts STORE_FILE OUT_DIR FROM TO FORMAT
 */
import path from 'node:path';
import { exportRange, type ExportFormat } from '../../shared/domain/exports/request';
import { runExport } from '../../electron/core/exports/run-export';

async function main(): Promise<void> {
  const [storeFile, outDir, from, to, format] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    ExportFormat,
  ];
  const { start, end } = exportRange({ from, to });
  const file = path.join(outDir, `bench.${format}`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const run = runExport(
    {
      storeFile,
      kind: 'cases',
      format,
      start,
      end,
      unmask: false,
      language: 'id',
      partFile: `${file}.part`,
    },
    file,
    { total: () => undefined, progress: () => undefined },
  );
  const outcome = await run.finished;
  const seconds = (performance.now() - t0) / 1000;
  // Every thread of the process: the worker's, and zlib's on the thread pool.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (outcome.state !== 'done') throw new Error(`export ${outcome.state}`);
  const peakRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  process.stdout.write(
    `${JSON.stringify({ seconds, cpuSeconds, rows: outcome.rows, peakRssMb, file })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`export-child: ${String(error)}\n`);
  process.exit(1);
});
