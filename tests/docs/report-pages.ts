/**
 * Makes docs/report-page-1.png and docs/report-page-2.png: the PDF of the fixture day's
 * morning shift report (tests/support/report-day.ts), signed, as poppler's pdftoppm draws it.
 * Run with `npx tsx tests/docs/report-pages.ts` (needs poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportPdf } from '../../electron/core/report/pdf';
import { reportHash } from '../../electron/core/report/report-hash';
import { cutReport } from '../../electron/core/report/reports';
import { openStore } from '../../electron/core/store/database';
import { loadDefaultReference } from '../../electron/core/store/reference';
import { createReportReads } from '../../electron/core/store/report-reads';
import { DEFAULT_SCHEDULE } from '../../shared/domain/shift';
import { wib, writeReportDay } from '../support/report-day';
import { loadClockData } from '../../electron/core/clocks/clock-data';

const root = path.resolve(import.meta.dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-report-pages-'));
try {
  const db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, path.join(root, 'resources', 'data'));
  writeReportDay(db);
  const snapshot = cutReport(
    {
      reads: createReportReads(db),
      schedule: DEFAULT_SCHEDULE,
      center: { city: 'Kota Madiun', center: 'Command Center 112 Kota Madiun' },
      deskId: 'desk-1',
      now: () => wib(28, 15, 5),
      hubDataUntil: () => null,
      rulesFor: loadClockData(path.join(root, 'resources', 'data')).rulesFor,
    },
    {
      kind: 'shift',
      date: '2026-11-28',
      shiftId: 'pagi',
      notes:
        'Pohon tumbang di Kejuron dibersihkan DLH dalam 28 menit. Laporan medis di Taman belum terkirim: DLH dan PSC 119 sudah ditelepon.',
      outgoing: { name: 'Budi Supervisor', nip: '198001012005011001' },
      incoming: { name: 'Rina Supervisor', nip: '198502022010012002' },
      language: 'id',
    },
  );
  db.close();
  const pdf = await reportPdf(snapshot, {
    hash: reportHash(snapshot),
    signed: { name: 'Rina Supervisor', at: wib(28, 15, 6), offline: false },
  });
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '2',
    file,
    path.join(dir, 'page'),
  ]);
  for (const n of [1, 2]) {
    fs.copyFileSync(
      path.join(dir, `page-${n}.png`),
      path.join(root, 'docs', `report-page-${n}.png`),
    );
  }
  console.log('docs/report-page-1.png, docs/report-page-2.png');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
