/**
 * The export worker: a worker thread of the console core that reads the rows of one export
 * from its own read-only connection to the store and streams them into a file, off the
 * core's event loop. It never writes the store. A cancelled or failed export deletes its
 * partial file before saying so.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { EXPORT_WORDS, exportHeaders } from '../../../shared/domain/exports/columns';
import { callCells, caseCells, type CellOptions } from './export-cells';
import { callRows, caseRows, countExportRows } from './export-rows';
import { openCsvSink, type ExportSink } from './export-sinks';
import { openThreadedXlsxSink } from './xlsx-thread-sink';
import type { WorkerInput, WorkerMessage } from './worker-protocol';

/** How often progress is posted, in rows. */
const PROGRESS_EVERY = 500;

const SHEET = { cases: { id: 'Laporan', en: 'Cases' }, calls: { id: 'Panggilan', en: 'Calls' } };

async function run(job: WorkerInput, post: (m: WorkerMessage) => void): Promise<void> {
  const cancelled = new Int32Array(job.cancel);
  const db = new Database(job.storeFile, {
    readonly: true,
    fileMustExist: true,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
  });
  let sink: ExportSink | undefined;
  let cells: Generator<string[]> | undefined;
  let rows = 0;
  try {
    // One read transaction: the count and the rows see the same store, whatever desks write meanwhile.
    db.exec('BEGIN');
    post({ type: 'total', total: countExportRows(db, job.kind, job.start, job.end) });
    const options: CellOptions = {
      language: job.language,
      words: EXPORT_WORDS[job.language],
      unmask: job.unmask,
    };
    const headers = exportHeaders(job.kind, job.language);
    sink =
      job.format === 'csv'
        ? openCsvSink(job.partFile, headers)
        : openThreadedXlsxSink(job.partFile, headers, SHEET[job.kind][job.language]);
    cells =
      job.kind === 'cases'
        ? (function* () {
            for (const r of caseRows(db, job.start, job.end)) yield caseCells(r, options);
          })()
        : (function* () {
            for (const r of callRows(db, job.start, job.end)) yield callCells(r, options);
          })();
    for (const row of cells) {
      if (Atomics.load(cancelled, 0) === 1) {
        cells.return(undefined);
        break;
      }
      await sink.row(row);
      if (++rows % PROGRESS_EVERY === 0) post({ type: 'progress', rows });
    }
    if (Atomics.load(cancelled, 0) === 1) {
      await sink.abort();
      fs.rmSync(job.partFile, { force: true });
      post({ type: 'cancelled', rows });
      return;
    }
    await sink.finish();
    post({ type: 'done', rows });
  } catch (error) {
    await sink?.abort().catch(() => undefined);
    fs.rmSync(job.partFile, { force: true });
    // Asked to stop, it stopped: whatever the writer threw on the way out is still a cancel.
    if (Atomics.load(cancelled, 0) === 1) post({ type: 'cancelled', rows });
    else post({ type: 'failed', message: String(error) });
  } finally {
    cells?.return(undefined); // releases the statement before the connection closes
    db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as WorkerInput, (m) => port.postMessage(m));
}
