/**
 * `report.pdf_5000_s`: from the request to the PDF file on disk for a day of 5,000 calls,
 * 1,500 cases of which 300 are still open, with a cold PDF library (pdfmake and its fonts
 * are loaded by this first request, as after a restart). A real desk store, written directly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportPdf } from '../electron/core/report/pdf';
import { reportHash } from '../electron/core/report/report-hash';
import { cutReport } from '../electron/core/report/reports';
import { openStore, type Store } from '../electron/core/store/database';
import { loadDefaultReference } from '../electron/core/store/reference';
import { createReportReads } from '../electron/core/store/report-reads';
import { DEFAULT_SCHEDULE, dayOfDate } from '../shared/domain/shift';
import { round, type Figure } from './lib/figures';
import { loadClockData } from '../electron/core/clocks/clock-data';

const CALLS = 5000;
const CASES = 1500;
const OPEN = 300;
const CATEGORIES = ['pohon-tumbang', 'lampu-jalan', 'jalan-rusak', 'sampah', 'medis', 'kebakaran'];
const OPDS = ['dlh', 'dishub', 'dpupr', 'dlh', 'dinkes', 'damkar'];
const KELURAHAN = [
  ['taman', 'kejuron'],
  ['kartoharjo', 'kelun'],
  ['manguharjo', 'winongo'],
];

function fillDay(db: Store, start: number): void {
  const id = (n: number) => `0194f000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  db.exec(
    "INSERT INTO operators (id, username, display_name, role, password_hash, created_at) VALUES ('op-1', 'sari', 'Sari', 'operator', 'x', 1)",
  );
  const caller = db.prepare(
    'INSERT OR IGNORE INTO callers (number, first_seen, last_seen) VALUES (?, ?, ?)',
  );
  const kase = db.prepare(
    `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification,
       description, kecamatan_id, kelurahan_id, address, landmark, anonim, rahasia, caller_number,
       opd_id, opened_by, desk_id)
     VALUES (?, ?, ?, ?, ?, 'darurat', 'pengaduan', ?, ?, ?, 'Jl. Pahlawan', '', 0, 0, ?, ?, 'op-1', 'desk-1')`,
  );
  const call = db.prepare(
    `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id,
       operator_id, disposition, case_id)
     VALUES (?, ?, ?, ?, 0, 'Warga', 'desk-1', 'op-1', ?, ?)`,
  );
  const dispatch = db.prepare(
    `INSERT INTO dispatches (id, case_id, opd_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const timeline = db.prepare(
    'INSERT INTO case_timeline (case_id, at, actor_id, kind, note) VALUES (?, ?, ?, ?, NULL)',
  );
  const others = ['prank', 'silent', 'misdial', 'info'];
  db.transaction(() => {
    for (let i = 0; i < CALLS; i++) {
      const at = start + Math.floor((i * 86_400_000) / CALLS);
      const number = `+62812${String(1_000_000 + (i % 3000)).padStart(7, '0')}`;
      caller.run(number, at, at);
      if (i < CASES) {
        const caseId = id(i);
        const c = i % CATEGORIES.length;
        const [kec, kel] = KELURAHAN[i % 3]!;
        const open = i % 5 === 0; // 300 of 1,500
        kase.run(
          caseId,
          at,
          at,
          open ? 'dispatched' : 'closed',
          CATEGORIES[c],
          `Laporan ${i}`,
          kec,
          kel,
          number,
          OPDS[c],
        );
        call.run(id(100_000 + i), at, at + 60_000, number, 'case', caseId);
        dispatch.run(
          id(200_000 + i),
          caseId,
          OPDS[c],
          open ? 'at_hub' : 'resolved',
          at + 60_000,
          at + 60_000,
        );
        if (!open) {
          timeline.run(caseId, at + 240_000, OPDS[c]!, 'dispatch.accepted');
          timeline.run(caseId, at + 1_500_000, OPDS[c]!, 'dispatch.resolved');
        }
      } else {
        call.run(id(100_000 + i), at, at + 30_000, number, others[i % others.length], null);
      }
    }
  })();
}

export async function reportBench(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-bench-report-'));
  try {
    const db = openStore(path.join(dir, 'console.db'));
    loadDefaultReference(db, path.join(import.meta.dirname, '..', 'resources', 'data'));
    const day = dayOfDate('2026-11-28', DEFAULT_SCHEDULE)!;
    fillDay(db, day.start);
    const deps = {
      reads: createReportReads(db),
      schedule: DEFAULT_SCHEDULE,
      center: { city: 'Kota Madiun', center: 'Command Center 112' },
      deskId: 'desk-1',
      now: () => day.end + 60_000,
      hubDataUntil: () => null,
      rulesFor: loadClockData(path.join(import.meta.dirname, '..', 'resources', 'data')).rulesFor,
    };
    const t0 = performance.now();
    const snapshot = cutReport(deps, {
      kind: 'day',
      date: '2026-11-28',
      shiftId: null,
      notes: '',
      outgoing: { name: 'Budi', nip: '1' },
      incoming: { name: 'Rina', nip: '2' },
      language: 'id',
    });
    const pdf = await reportPdf(snapshot, { hash: reportHash(snapshot) });
    fs.writeFileSync(path.join(dir, 'report.pdf'), pdf);
    const seconds = (performance.now() - t0) / 1000;
    db.close();
    if (snapshot.totals.calls !== CALLS || snapshot.openCases.length !== OPEN) {
      throw new Error(
        `report bench: the day has ${snapshot.totals.calls} calls, ${snapshot.openCases.length} open cases`,
      );
    }
    return [{ name: 'report.pdf_5000_s', value: round(seconds), unit: 's', target: '≤ 3' }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
