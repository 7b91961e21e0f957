/**
 * The XLSX writer thread: an export's reader (export-worker.ts) reads rows from the store
 * and makes their cells, and this thread writes them into the XLSX file, so the two halves
 * run on two cores at once. Rows come in batches; each batch is answered once written,
 * which lets the reader keep only a few batches ahead (xlsx-thread-sink.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openXlsxSink } from './export-sinks';
import type { FromWriter, ToWriter, WriterInput } from './xlsx-writer-protocol';

function serve(port: NonNullable<typeof parentPort>, input: WriterInput): void {
  const sink = openXlsxSink(input.file, input.headers, input.sheetName);
  const post = (m: FromWriter): void => port.postMessage(m);
  let over = false;
  let queue = Promise.resolve();
  const stop = (m: FromWriter): void => {
    over = true;
    post(m);
    port.close();
  };
  port.on('message', (m: ToWriter) => {
    queue = queue
      .then(async () => {
        if (over) return;
        if (m.type === 'rows') {
          for (const row of m.rows) await sink.row(row);
          post({ type: 'written', rows: m.rows.length });
        } else if (m.type === 'end') {
          await sink.finish();
          stop({ type: 'finished' });
        } else {
          await sink.abort();
          stop({ type: 'aborted' });
        }
      })
      .catch(async (error: unknown) => {
        if (over) return;
        await sink.abort().catch(() => undefined);
        stop({ type: 'failed', message: String(error) });
      });
  });
}

if (parentPort) serve(parentPort, workerData as WriterInput);
