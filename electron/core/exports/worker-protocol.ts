/**
 * What the core's main thread and the export worker say to each other. The worker gets its
 * whole job at start; cancelling is a flag in shared memory that the worker reads between
 * rows, so it is seen even while the worker is busy.
 */
import type { ExportLanguage } from '../../../shared/domain/exports/columns';
import type { ExportFormat, ExportKind } from '../../../shared/domain/exports/request';

export interface ExportJobSpec {
  /** The console store, opened read only by the worker. */
  storeFile: string;
  /** An Electron-ABI build of better-sqlite3, when core runs under Electron. */
  nativeBinding?: string | undefined;
  kind: ExportKind;
  format: ExportFormat;
  start: number;
  end: number;
  unmask: boolean;
  language: ExportLanguage;
  /** Where the rows are written; renamed to the final name only when complete. */
  partFile: string;
}

export interface WorkerInput extends ExportJobSpec {
  /** Int32Array over it: index 0 becomes 1 when the export is cancelled. */
  cancel: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'total'; total: number }
  | { type: 'progress'; rows: number }
  | { type: 'done'; rows: number }
  | { type: 'cancelled'; rows: number }
  | { type: 'failed'; message: string };
