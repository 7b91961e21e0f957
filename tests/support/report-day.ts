/**
 * A fixture day for the shift and daily report, 28 November 2026 at desk-1, written into a
 * real desk store with known answers: the morning shift's calls and cases (one case a
 * screened silent call reopened by the supervisor, one anonim reporter, one rahasia case, a
 * description carrying HTML), a block set and lifted, a case from the day before still
 * open, and a night shift that crosses midnight with a case accepted and resolved after it.
 */
import type { Store } from '../../electron/core/store/database';

/** A WIB wall time in November 2026 (WIB is UTC+7). */
export const wib = (day: number, hour: number, minute = 0): number =>
  Date.UTC(2026, 10, day, hour - 7, minute);

const uuid = (n: number): string => `0194f000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const IDS = {
  c0: uuid(100),
  c1: uuid(101),
  c2: uuid(102),
  c3: uuid(103),
  c4: uuid(104),
  c5: uuid(105),
  silent: uuid(201),
};

/** The anonim reporter's name: it must appear nowhere in a report. */
export const ANONIM_NAME = 'Rahasiawati Anonim';
/** A rahasia case's description: it must appear nowhere in a report. */
export const RAHASIA_TEXT = 'Penelepon sesak napas di rumah kontrakan';
/** Caller text that looks like markup: a report shows it as these very characters. */
export const HTML_TEXT = '<b>Lampu</b> mati <script>alert("x")</script>';
/** Every caller number of the fixture, unmasked: none may appear in a report. */
export const NUMBERS = [
  '+6281211111111',
  '+6281322223333',
  '+6285744445555',
  '+6281299990000',
  '+6285700001111',
  '+6281266667777',
  '+6281288880000',
];

interface CaseSpec {
  id: string;
  at: number;
  category: string;
  urgency: 'darurat' | 'non_darurat';
  kecamatan: string;
  kelurahan: string;
  description: string;
  status: string;
  anonim?: boolean;
  rahasia?: boolean;
  number: string;
  caller: string;
  opened?: string;
  dispatch?: {
    opd: string;
    at: number;
    status: string;
    accepted?: number;
    resolved?: number;
  };
}

/** Writes the fixture day into `db` (a migrated desk store with its reference data). */
export function writeReportDay(db: Store): void {
  db.exec(`
    INSERT INTO operators (id, username, display_name, role, password_hash, created_at) VALUES ('op-1', 'sari', 'Sari Operator', 'operator', 'x', 1);
    INSERT INTO operators (id, username, display_name, role, password_hash, created_at) VALUES ('sup-1', 'budi', 'Budi Supervisor', 'supervisor', 'x', 1);
  `);
  const caller = db.prepare(
    'INSERT OR IGNORE INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, 1, 0)',
  );
  for (const n of NUMBERS) caller.run(n, wib(27, 0), wib(29, 0));
  let callNo = 300;
  const call = (
    at: number,
    number: string,
    disposition: string,
    caseId: string | null = null,
    name = '',
    id = uuid(++callNo),
  ) =>
    db
      .prepare(
        `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id,
           operator_id, operator_name, disposition, case_id)
         VALUES (?, ?, ?, ?, 0, ?, 'desk-1', 'op-1', 'Sari Operator', ?, ?)`,
      )
      .run(id, at, at + 60_000, number, name, disposition, caseId);
  const timeline = db.prepare(
    'INSERT INTO case_timeline (case_id, at, actor_id, kind, note) VALUES (?, ?, ?, ?, ?)',
  );
  const kase = (c: CaseSpec) => {
    db.prepare(
      `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification,
         description, kecamatan_id, kelurahan_id, address, landmark, anonim, rahasia, caller_number,
         opd_id, opened_by, desk_id)
       VALUES (?, ?, ?, ?, ?, ?, 'pengaduan', ?, ?, ?, 'Jl. Pahlawan', '', ?, ?, ?, ?, ?, 'desk-1')`,
    ).run(
      c.id,
      c.at,
      c.at,
      c.status,
      c.category,
      c.urgency,
      c.description,
      c.kecamatan,
      c.kelurahan,
      c.anonim ? 1 : 0,
      c.rahasia ? 1 : 0,
      c.number,
      c.dispatch?.opd ?? null,
      c.opened ?? 'op-1',
    );
    call(c.at, c.number, 'case', c.id, c.caller);
    timeline.run(c.id, c.at, c.opened ?? 'op-1', 'created', null);
    const d = c.dispatch;
    if (!d) return;
    db.prepare(
      `INSERT INTO dispatches (id, case_id, opd_id, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(uuid(Number(c.id.slice(-3)) + 400), c.id, d.opd, d.status, d.at, d.resolved ?? d.at);
    timeline.run(c.id, d.at, 'op-1', 'dispatched', d.opd);
    if (d.accepted) timeline.run(c.id, d.accepted, d.opd, 'dispatch.accepted', 'petugas');
    if (d.resolved) timeline.run(c.id, d.resolved, d.opd, 'dispatch.resolved', 'petugas');
  };

  // The day before: a road complaint still waiting for the OPD.
  kase({
    id: IDS.c0,
    at: wib(27, 20),
    category: 'jalan-rusak',
    urgency: 'non_darurat',
    kecamatan: 'taman',
    kelurahan: 'pandean',
    description: 'Jalan berlubang dekat sekolah',
    status: 'dispatched',
    number: '+6281266667777',
    caller: 'Pak Harun',
    dispatch: { opd: 'dpupr', at: wib(27, 20, 2), status: 'at_hub' },
  });

  // Morning shift, 07.00–15.00.
  kase({
    id: IDS.c1,
    at: wib(28, 7, 10),
    category: 'pohon-tumbang',
    urgency: 'darurat',
    kecamatan: 'taman',
    kelurahan: 'kejuron',
    description: 'Pohon tumbang menutup jalan',
    status: 'resolved',
    number: '+6281211111111',
    caller: 'Pak Joko',
    dispatch: {
      opd: 'dlh',
      at: wib(28, 7, 12),
      status: 'resolved',
      accepted: wib(28, 7, 15),
      resolved: wib(28, 7, 40),
    },
  });
  kase({
    id: IDS.c2,
    at: wib(28, 8),
    category: 'lampu-jalan',
    urgency: 'non_darurat',
    kecamatan: 'kartoharjo',
    kelurahan: 'kelun',
    description: HTML_TEXT,
    status: 'accepted',
    anonim: true,
    number: '+6281322223333',
    caller: ANONIM_NAME,
    dispatch: { opd: 'dishub', at: wib(28, 8, 2), status: 'accepted', accepted: wib(28, 8, 30) },
  });
  kase({
    id: IDS.c3,
    at: wib(28, 9),
    category: 'kebakaran',
    urgency: 'darurat',
    kecamatan: 'manguharjo',
    kelurahan: 'nambangan-lor',
    description: 'Api di dapur warung',
    status: 'closed',
    number: '+6281288880000',
    caller: 'Bu Tini',
    dispatch: {
      opd: 'damkar',
      at: wib(28, 9, 1),
      status: 'resolved',
      accepted: wib(28, 9, 10),
      resolved: wib(28, 9, 50),
    },
  });
  // A silent call, reopened by the supervisor as a case; its dispatch never left the desk.
  call(wib(28, 8, 20), '+6285744445555', 'silent', null, '', IDS.silent);
  kase({
    id: IDS.c4,
    at: wib(28, 9, 30),
    category: 'medis',
    urgency: 'darurat',
    kecamatan: 'taman',
    kelurahan: 'taman',
    description: RAHASIA_TEXT,
    status: 'dispatch_pending',
    rahasia: true,
    number: '+6285744445555',
    caller: 'Ibu Sumi',
    opened: 'sup-1',
    dispatch: { opd: 'dinkes', at: wib(28, 9, 30), status: 'waiting' },
  });
  db.prepare(
    "INSERT INTO reopened_calls (call_id, case_id, operator_id, at) VALUES (?, ?, 'sup-1', ?)",
  ).run(IDS.silent, IDS.c4, wib(28, 9, 30));
  call(wib(28, 10), '+6281299990000', 'prank');
  call(wib(28, 10, 5), '+6281299990000', 'prank');
  call(wib(28, 10, 10), '+6281299990000', 'prank');
  call(wib(28, 11), '+6281288880000', 'misdial');
  call(wib(28, 12), '+6285700001111', 'silent');
  db.prepare(
    `INSERT INTO blocks (id, number, kind, reason, set_at, until, set_by, lifted_at, lifted_by)
     VALUES (?, '+6281299990000', 'manual', 'Iseng berulang', ?, ?, 'Budi Supervisor', ?, 'Budi Supervisor')`,
  ).run(uuid(500), wib(28, 10, 15), wib(29, 10, 15), wib(28, 14));

  // Night shift, 23.00 on the 28th to 07.00 on the 29th: it belongs to the 28th.
  kase({
    id: IDS.c5,
    at: wib(28, 23, 30),
    category: 'pohon-tumbang',
    urgency: 'darurat',
    kecamatan: 'manguharjo',
    kelurahan: 'winongo',
    description: 'Dahan besar patah di jalan',
    status: 'resolved',
    number: '+6281211111111',
    caller: 'Pak Joko',
    dispatch: {
      opd: 'dlh',
      at: wib(28, 23, 32),
      status: 'resolved',
      accepted: wib(29, 0, 10),
      resolved: wib(29, 1),
    },
  });
  call(wib(29, 2), '+6281299990000', 'prank');
}
