/**
 * Runs one export on a worker thread and follows it: progress as it comes, cancel at any
 * time, and the file renamed from its partial name only once complete, so a cancelled,
 * failed or crashed export never leaves a file that looks finished.
 */
import fs from 'node:fs';
import { startThread } from './start-thread';
import type { ExportJobSpec, WorkerMessage } from './worker-protocol';

export type ExportOutcome =
  | { state: 'done'; rows: number }
  | { state: 'cancelled'; rows: number }
  | { state: 'failed'; rows: number; message: string };

export interface RunningExport {
  cancel(): void;
  /** Settles once the worker has stopped and the file is final or gone. */
  finished: Promise<ExportOutcome>;
}

export interface ExportCallbacks {
  total(total: number): void;
  progress(rows: number): void;
}

export function runExport(
  spec: ExportJobSpec,
  finalFile: string,
  on: ExportCallbacks,
): RunningExport {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  // Rows stream through the reader a batch at a time: a small young generation makes it
  // collect often rather than grow, which keeps an export's memory flat on a desk PC.
  const worker = startThread(
    import.meta.url,
    'export-worker',
    { ...spec, cancel },
    { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 4 },
  );
  let rows = 0;
  let outcome: ExportOutcome | undefined;
  const finished = new Promise<ExportOutcome>((resolve) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'total') on.total(m.total);
      else if (m.type === 'progress') {
        rows = m.rows;
        on.progress(rows);
      } else if (m.type === 'done') {
        rows = m.rows;
        // Cancelled after the last row but before this rename: still a cancel.
        if (Atomics.load(flag, 0) === 1) outcome = { state: 'cancelled', rows };
        else {
          try {
            fs.renameSync(spec.partFile, finalFile);
            outcome = { state: 'done', rows };
          } catch (error) {
            outcome = { state: 'failed', rows, message: String(error) };
          }
        }
      } else if (m.type === 'cancelled') outcome = { state: 'cancelled', rows: m.rows };
      else outcome = { state: 'failed', rows, message: m.message };
    });
    worker.on('error', (error) => {
      outcome ??= { state: 'failed', rows, message: String(error) };
    });
    worker.on('exit', () => {
      // Whatever happened in the worker, a partial file never outlives it.
      fs.rmSync(spec.partFile, { force: true });
      resolve(outcome ?? { state: 'failed', rows, message: 'the export worker stopped' });
    });
  });
  return {
    cancel() {
      Atomics.store(flag, 0, 1);
    },
    finished,
  };
}
