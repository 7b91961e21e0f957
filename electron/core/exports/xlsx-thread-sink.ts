/**
 * An XLSX sink whose writing runs on a thread of its own (xlsx-writer.ts): building the
 * XLSX's XML and deflating it costs as much as reading and formatting the rows, so on a
 * desk's two cores the export takes about the longer half instead of both. Rows go in
 * batches, at most a few batches ahead of the writer, so memory stays flat.
 */
import type { ExportSink } from './export-sinks';
import { startThread } from './start-thread';
import type { FromWriter, ToWriter, WriterInput } from './xlsx-writer-protocol';

/** Rows per message: enough to make the copy between threads cheap per row. */
const BATCH = 250;
/** Batches sent but not yet written: the reader waits beyond this. */
const AHEAD = 2;

export function openThreadedXlsxSink(
  file: string,
  headers: readonly string[],
  sheetName: string,
): ExportSink {
  const input: WriterInput = { file, headers, sheetName };
  // The writer keeps little alive (a few batches, the zip's buffers): a small heap makes it
  // collect often rather than grow, so the second thread costs little memory.
  const worker = startThread(import.meta.url, 'xlsx-writer', input, {
    maxOldGenerationSizeMb: 64,
    maxYoungGenerationSizeMb: 4,
  });
  let batch: string[][] = [];
  let ahead = 0;
  let outcome: 'finished' | 'aborted' | undefined;
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const changed = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const next = (): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
    });

  worker.on('message', (m: FromWriter) => {
    if (m.type === 'written') ahead--;
    else if (m.type === 'failed') failure ??= new Error(m.message);
    else outcome = m.type;
    changed();
  });
  worker.on('error', (error) => {
    failure ??= error;
    changed();
  });
  worker.on('exit', () => {
    exited = true;
    if (!outcome) failure ??= new Error('the XLSX writer stopped');
    changed();
  });

  const send = (m: ToWriter): void => {
    if (!exited) worker.postMessage(m);
  };
  const flush = (): void => {
    if (batch.length === 0) return;
    send({ type: 'rows', rows: batch });
    batch = [];
    ahead++;
  };
  const exit = async (): Promise<void> => {
    while (!exited) await next();
  };

  return {
    async row(cells) {
      if (failure) throw failure;
      batch.push(cells as string[]);
      if (batch.length < BATCH) return;
      flush();
      while (ahead > AHEAD && !failure) await next();
      if (failure) throw failure;
    },
    async finish() {
      flush();
      send({ type: 'end' });
      while (!outcome && !failure) await next();
      if (failure) throw failure;
      await exit();
    },
    async abort() {
      batch = [];
      send({ type: 'abort' });
      await exit();
    },
  };
}
