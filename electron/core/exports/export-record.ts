/**
 * The desk's record of exports: one JSON line when an export starts and one when it ends,
 * with who, what (cases or calls, the WIB days), the format and whether caller numbers were
 * in full. Append-only and private (0600), in the console's data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat, ExportKind, ExportState } from '../../../shared/domain/exports/request';
import { files } from '../private-files';

export interface ExportRecord {
  exportId: string;
  at: number;
  event: 'started' | Exclude<ExportState, 'running'>;
  operatorId: string;
  operatorName: string;
  role: 'operator' | 'supervisor';
  deskId: string;
  kind: ExportKind;
  format: ExportFormat;
  from: string;
  to: string;
  unmasked: boolean;
  fileName: string;
  rows?: number;
}

export function exportRecordFile(dataDir: string): string {
  return path.join(dataDir, 'console', 'export-log.jsonl');
}

export function appendExportRecord(file: string, record: ExportRecord): void {
  files.dir(path.dirname(file));
  files.create(file);
  fs.appendFileSync(file, `${JSON.stringify(record)}\n`);
}

export function readExportRecords(file: string): ExportRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExportRecord);
}
