/** What an export's reader and its XLSX writer thread (xlsx-writer.ts) say to each other. */
export interface WriterInput {
  /** The partial file to write; it must not exist yet. */
  file: string;
  headers: readonly string[];
  sheetName: string;
}

export type ToWriter =
  | { type: 'rows'; rows: string[][] }
  /** No more rows: complete the file. */
  | { type: 'end' }
  /** Stop writing; the reader deletes the partial file. */
  | { type: 'abort' };

export type FromWriter =
  | { type: 'written'; rows: number }
  | { type: 'finished' }
  | { type: 'aborted' }
  | { type: 'failed'; message: string };
