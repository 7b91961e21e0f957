/**
 * The report's PDF, read back with poppler's pdftotext: the fixture day's figures are in
 * it, no caller number unmasked, the anonim reporter's name and the rahasia description
 * nowhere, caller text that looks like HTML printed as those characters; A4 pages, each
 * numbered "Halaman n dari N" with the report's hash; a long table repeats its header row
 * on every page it runs onto.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportRequest } from '../../../shared/domain/report';
import { DEFAULT_SCHEDULE } from '../../../shared/domain/shift';
import { repoRoot } from '../../../tests/support/processes';
import {
  ANONIM_NAME,
  HTML_TEXT,
  NUMBERS,
  RAHASIA_TEXT,
  wib,
  writeReportDay,
} from '../../../tests/support/report-day';
import { openStore, type Store } from '../store/database';
import { loadDefaultReference } from '../store/reference';
import { createReportReads } from '../store/report-reads';
import { reportPdf } from './pdf';
import { reportHash } from './report-hash';
import { cutReport, type ReportDeps } from './reports';
import { loadClockData } from '../clocks/clock-data';

let dir: string;
let db: Store;
let deps: ReportDeps;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-report-pdf-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, path.join(repoRoot, 'resources', 'data'));
  writeReportDay(db);
  deps = {
    reads: createReportReads(db),
    schedule: DEFAULT_SCHEDULE,
    center: { city: 'Kota Madiun', center: 'Command Center 112' },
    deskId: 'desk-1',
    now: () => wib(29, 9),
    hubDataUntil: () => null,
    rulesFor: loadClockData(path.join(repoRoot, 'resources', 'data')).rulesFor,
  };
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = (over: Partial<ReportRequest> = {}): ReportRequest => ({
  kind: 'shift',
  date: '2026-11-28',
  shiftId: 'pagi',
  notes: 'Genangan di Jl. Pahlawan <img src=x onerror=alert(1)>',
  outgoing: { name: 'Budi Supervisor', nip: '198001012005011001' },
  incoming: { name: 'Rina Supervisor', nip: '198502022010012002' },
  language: 'id',
  ...over,
});

/** Writes the PDF and answers its text per page (pdftotext -layout), and its page size. */
async function print(r: ReportRequest) {
  const snapshot = cutReport(deps, r);
  const hash = reportHash(snapshot);
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, await reportPdf(snapshot, { hash }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const text = (page: number, mode: '-layout' | '-raw') =>
    execFileSync('pdftotext', [mode, '-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8',
    });
  return {
    hash,
    info,
    /** As laid out on the page: rows of a table on one line. */
    pages: Array.from({ length: pages }, (_, i) => text(i + 1, '-layout')),
    /** In the order it was written: a table cell's lines together. */
    raw: Array.from({ length: pages }, (_, i) => text(i + 1, '-raw')),
  };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the PDF of the morning shift', () => {
  it('has the fixture figures, masked numbers, and caller text as text', async () => {
    const pdf = await print(request());
    const all = pdf.pages.join('\n');
    expect(all).toContain('Laporan Serah Terima Shift');
    expect(all).toMatch(/Panggilan\s+10\n/);
    expect(all).toMatch(/Kasus baru\s+4\n/);
    expect(all).toMatch(/Iseng\s+3\n/);
    expect(all).toMatch(/Tingkat iseng\s+30\.0%/);
    expect(all).toMatch(/Tingkat panggilan kosong\s+20\.0%/);
    expect(all).toMatch(/Damkar\s+1\s+1\s+1\s+0\s+9\s+49\s+0\s+1\s+0/);
    expect(all).toMatch(/DLH\s+1\s+1\s+1\s+0\s+3\s+28\s+0\s+0\s+1/);
    expect(all).toContain('Kasus yang masih terbuka (4)');
    expect(all).toContain('0813•••••333');
    expect(all).toContain('Sari Operator'); // who screened the call the supervisor reopened
    expect(all).toContain('Iseng berulang');
    expect(all).toContain('NIP: 198502022010012002');
    const raw = squeeze(pdf.raw.join('\n'));
    for (const n of NUMBERS) {
      expect(raw).not.toContain(n);
      expect(raw).not.toContain(`0${n.slice(3)}`);
    }
    expect(raw).not.toContain(squeeze(ANONIM_NAME));
    expect(raw).not.toContain(squeeze(RAHASIA_TEXT));
    expect(raw).toContain(squeeze(HTML_TEXT));
    expect(raw).toContain(squeeze('Genangan di Jl. Pahlawan <img src=x onerror=alert(1)>'));
  });

  it('is A4, and every page carries its number and the report hash', async () => {
    const pdf = await print(request());
    expect(pdf.info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    expect(pdf.pages.length).toBe(2);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`Halaman ${i + 1} dari 2`);
      expect(page).toContain(`SHA-256 ${pdf.hash}`);
    });
  });

  it('speaks English when asked', async () => {
    const pdf = await print(request({ language: 'en' }));
    expect(pdf.pages[0]).toContain('Shift Handover Report');
    expect(pdf.pages[0]).toContain('Page 1 of 2');
    expect(pdf.pages.join('\n')).toContain('Prank rate');
  });
});

describe('a long table', () => {
  it('runs over several pages, repeating its header row on each', async () => {
    const insert = db.prepare(
      `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification,
         description, kecamatan_id, kelurahan_id, address, landmark, anonim, rahasia, opened_by, desk_id)
       VALUES (?, ?, ?, 'new', 'sampah', 'non_darurat', 'pengaduan', ?, 'taman', 'taman', '', '', 0, 0, 'op-1', 'desk-1')`,
    );
    for (let i = 0; i < 150; i++) {
      const at = wib(28, 10) + i * 60_000;
      insert.run(
        `0194f000-0000-7000-9000-${String(i).padStart(12, '0')}`,
        at,
        at,
        `Sampah menumpuk nomor ${i}`,
      );
    }
    const pdf = await print(request());
    expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
    const withRows = pdf.raw
      .map((raw, i) => ({ raw, laid: pdf.pages[i]! }))
      .filter((p) => /Sampahmenumpuknomor\d+/.test(squeeze(p.raw)));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const page of withRows) {
      expect(page.laid).toMatch(/Kasus\s+Dibuka\s+Umur\s+Kategori\s+Uraian\s+Pelapor/);
    }
    pdf.pages.forEach((page, i) =>
      expect(page).toContain(`Halaman ${i + 1} dari ${pdf.pages.length}`),
    );
    expect(squeeze(pdf.raw.join('\n'))).toContain('Sampahmenumpuknomor149');
  });
});
