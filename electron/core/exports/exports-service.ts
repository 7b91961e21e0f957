/**
 * Exports on this desk: starts each on a worker thread (run-export.ts), follows it, tells
 * every screen how far it is, records it (export-record.ts), and hands the finished file
 * only to the person who made it. One export runs at a time, so a long one cannot take both
 * cores of a desk from the operator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Operator } from '../../../shared/domain/case';
import type { ExportLanguage } from '../../../shared/domain/exports/columns';
import {
  exportRange,
  type ExportFormat,
  type ExportKind,
  type ExportProgress,
} from '../../../shared/domain/exports/request';
import type { Logger } from '../../../shared/log';
import { CoreError } from '../errors';
import { files } from '../private-files';
import type { ExportEnded } from './export-audit';
import { appendExportRecord, exportRecordFile, type ExportRecord } from './export-record';
import { runExport, type RunningExport } from './run-export';

export interface ExportOrder {
  kind: ExportKind;
  format: ExportFormat;
  from: string;
  to: string;
  unmask: boolean;
}

export interface ExportServiceOptions {
  dataDir: string;
  storeFile: string;
  nativeBinding?: string | undefined;
  deskId: string;
  now(): number;
  log: Logger;
  language(): ExportLanguage;
  progress(p: ExportProgress): void;
  /** An export ended (finished, cancelled or failed): the center audit log hears of it. */
  ended?(e: ExportEnded): void;
}

interface Job {
  progress: ExportProgress;
  operatorId: string;
  file: string;
  running?: RunningExport;
}

export interface ExportService {
  /** The order must be validated and its unmasking allowed already. */
  start(order: ExportOrder, by: Operator): ExportProgress;
  cancel(exportId: string, by: Operator): ExportProgress;
  /** This person's exports since the console started, newest first. */
  list(by: Operator): ExportProgress[];
  /** Bytes of a finished export of this person's, from `offset`. */
  read(exportId: string, by: Operator, offset: number, max: number): { data: Buffer; size: number };
  /** Waits for running exports to stop (tests, shutdown). */
  settled(): Promise<void>;
  close(): void;
}

const KIND_WORD: Record<ExportKind, string> = { cases: 'laporan', calls: 'panggilan' };
const isoDay = (wibDay: string): string => wibDay.split(/[/.-]/).reverse().join('-');

export function exportsFolder(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/** How long a finished export's file stays in the data folder for its download. */
export const EXPORT_KEEP_MS = 24 * 3_600_000;

/**
 * Callers' data does not linger: partial files a crash left behind go at once, and
 * finished files once they are a day old (the download has long been made by then).
 */
export function sweepExports(folder: string, now: number): number {
  if (!fs.existsSync(folder)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    const stale = name.endsWith('.part') || now - fs.statSync(file).mtimeMs > EXPORT_KEEP_MS;
    if (stale && name.startsWith('sigap-')) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export function createExportService(o: ExportServiceOptions): ExportService {
  const jobs = new Map<string, Job>();
  const running = new Set<Promise<unknown>>();
  const folder = exportsFolder(o.dataDir);
  const recordFile = exportRecordFile(o.dataDir);
  const swept = sweepExports(folder, o.now());
  if (swept > 0) o.log.info('old or partial exports removed', { files: swept });

  const own = (exportId: string, by: Operator): Job => {
    const job = jobs.get(exportId);
    // Another person's export is as unknown as a missing one.
    if (!job || job.operatorId !== by.id)
      throw new CoreError('export.not_found', 'No such export on this desk.');
    return job;
  };

  return {
    start(order, by) {
      if ([...jobs.values()].some((j) => j.progress.state === 'running'))
        throw new CoreError('export.busy', 'Another export is running; wait for it or cancel it.');
      const exportId = uuidv7();
      const { start, end } = exportRange(order);
      const fileName = `sigap-${KIND_WORD[order.kind]}-${isoDay(order.from)}_${isoDay(order.to)}-${exportId.slice(-8)}.${order.format}`;
      files.dir(folder);
      sweepExports(folder, o.now());
      const file = path.join(folder, fileName);
      const record = (event: ExportRecord['event'], rows?: number): void =>
        appendExportRecord(recordFile, {
          exportId,
          at: o.now(),
          event,
          operatorId: by.id,
          operatorName: by.displayName,
          role: by.role,
          deskId: o.deskId,
          kind: order.kind,
          format: order.format,
          from: order.from,
          to: order.to,
          unmasked: order.unmask,
          fileName,
          ...(rows === undefined ? {} : { rows }),
        });
      const startedAt = o.now();
      record('started');
      const progress: ExportProgress = { exportId, state: 'running', rows: 0, total: 0 };
      const job: Job = { progress, operatorId: by.id, file };
      jobs.set(exportId, job);
      const tell = (): void => o.progress({ ...job.progress });
      job.running = runExport(
        {
          storeFile: o.storeFile,
          nativeBinding: o.nativeBinding,
          kind: order.kind,
          format: order.format,
          start,
          end,
          unmask: order.unmask,
          language: o.language(),
          partFile: `${file}.part`,
        },
        file,
        {
          total: (total) => {
            job.progress.total = total;
            tell();
          },
          progress: (rows) => {
            job.progress.rows = rows;
            tell();
          },
        },
      );
      const done = job.running.finished.then((outcome) => {
        job.progress = {
          ...job.progress,
          state: outcome.state,
          rows: outcome.rows,
          ...(outcome.state === 'done' ? { fileName } : {}),
        };
        delete job.running;
        if (outcome.state === 'failed')
          o.log.error('export failed', { exportId, message: outcome.message });
        record(outcome.state, outcome.rows);
        try {
          o.ended?.({
            exportId,
            kind: order.kind,
            format: order.format,
            start,
            end,
            unmasked: order.unmask,
            outcome: outcome.state,
            rows: outcome.rows,
            startedAt,
            endedAt: o.now(),
            operatorId: by.id,
            operatorName: by.displayName,
          });
        } catch (error) {
          o.log.error('export not queued for the audit log', { exportId, error: String(error) });
        }
        tell();
      });
      running.add(done);
      void done.finally(() => running.delete(done));
      o.log.info('export started', {
        exportId,
        operator: by.id,
        kind: order.kind,
        unmasked: order.unmask,
      });
      return { ...progress };
    },
    cancel(exportId, by) {
      const job = own(exportId, by);
      job.running?.cancel();
      return { ...job.progress };
    },
    list: (by) =>
      [...jobs.values()]
        .filter((j) => j.operatorId === by.id)
        .map((j) => ({ ...j.progress }))
        .reverse(),
    read(exportId, by, offset, max) {
      const job = own(exportId, by);
      if (job.progress.state !== 'done')
        throw new CoreError('export.not_ready', 'This export has no file (yet).');
      const fd = fs.openSync(job.file, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        const data = Buffer.alloc(Math.max(0, Math.min(max, size - offset)));
        if (data.length > 0) fs.readSync(fd, data, 0, data.length, offset);
        return { data, size };
      } finally {
        fs.closeSync(fd);
      }
    },
    async settled() {
      while (running.size > 0) await Promise.all([...running]);
    },
    close() {
      for (const job of jobs.values()) job.running?.cancel();
    },
  };
}
