/**
 * Where an export's rows go: a CSV or an XLSX file written as a stream, so memory stays
 * flat however many rows there are. Each waits for the disk when its buffer is full. XLSX
 * cells are string cells: caller text is never a formula.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '../../../shared/domain/exports/csv';
import { PRIVATE_FILE_MODE } from '../../../shared/private-files';

export interface ExportSink {
  /** Resolves when the row may be followed by another without growing memory. */
  row(cells: readonly string[]): Promise<void>;
  finish(): Promise<void>;
  /** Stops writing; the caller deletes the partial file. */
  abort(): Promise<void>;
}

/** A new private file (0600) that must not exist yet. */
const privateStream = (file: string): fs.WriteStream =>
  fs.createWriteStream(file, { flags: 'wx', mode: PRIVATE_FILE_MODE });

async function closed(stream: fs.WriteStream): Promise<void> {
  if (stream.closed) return;
  await once(stream, 'close');
}

export function openCsvSink(file: string, headers: readonly string[]): ExportSink {
  const stream = privateStream(file);
  stream.write(CSV_BOM + csvLine(headers));
  return {
    async row(cells) {
      if (!stream.write(csvLine(cells))) await once(stream, 'drain');
    },
    async finish() {
      stream.end();
      await closed(stream);
    },
    async abort() {
      stream.destroy();
      await closed(stream);
    },
  };
}

/** Rows between pauses that let the zip stream flush to disk. */
const XLSX_FLUSH_EVERY = 256;

export function openXlsxSink(
  file: string,
  headers: readonly string[],
  sheetName: string,
): ExportSink {
  const stream = privateStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: false,
    useSharedStrings: false,
    // The fastest deflate: an export is waited for, and its size matters less.
    zip: { zlib: { level: 1 } },
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).commit();
  let pending = 0;
  return {
    async row(cells) {
      sheet.addRow([...cells]).commit();
      if (++pending >= XLSX_FLUSH_EVERY) {
        pending = 0;
        if (stream.writableNeedDrain) await once(stream, 'drain');
        else await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      await closed(stream);
    },
    async abort() {
      stream.destroy();
      await closed(stream);
    },
  };
}
