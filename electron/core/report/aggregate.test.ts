/**
 * The report's figures on a fixture day with known answers (tests/support/report-day.ts),
 * read from a real desk store: the morning shift's totals, categories, kecamatan, OPD
 * medians and clock breaches, open cases with their next step, the outbox, a screened call
 * reopened by the supervisor, a block set and lifted; the night shift that crosses midnight
 * (it belongs to the 28th, with its case accepted and resolved on the 29th); the whole day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportSnapshot, type ReportRequest } from '../../../shared/domain/report';
import { DEFAULT_SCHEDULE } from '../../../shared/domain/shift';
import { repoRoot } from '../../../tests/support/processes';
import {
  ANONIM_NAME,
  IDS,
  RAHASIA_TEXT,
  wib,
  writeReportDay,
} from '../../../tests/support/report-day';
import { openStore, type Store } from '../store/database';
import { loadDefaultReference } from '../store/reference';
import { createReportReads } from '../store/report-reads';
import { cutReport, type ReportDeps } from './reports';
import { loadClockData } from '../clocks/clock-data';

let dir: string;
let db: Store;
let now = wib(29, 9);
let deps: ReportDeps;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-report-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, path.join(repoRoot, 'resources', 'data'));
  writeReportDay(db);
  now = wib(29, 9);
  deps = {
    reads: createReportReads(db),
    schedule: DEFAULT_SCHEDULE,
    center: { city: 'Kota Madiun', center: 'Command Center 112' },
    deskId: 'desk-1',
    now: () => now,
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
  notes: '',
  outgoing: { name: 'Budi Supervisor', nip: '198001012005011001' },
  incoming: { name: 'Rina Supervisor', nip: '198502022010012002' },
  language: 'id',
  ...over,
});

describe('the morning shift of 28 November', () => {
  it('counts calls, dispositions and rates, and new cases by category and kecamatan', () => {
    const r = cutReport(deps, request());
    expect(ReportSnapshot.parse(r)).toEqual(r);
    expect(r.period).toEqual({
      kind: 'shift',
      date: '2026-11-28',
      shiftId: 'pagi',
      start: wib(28, 7),
      end: wib(28, 15),
    });
    expect(r.cutAt).toBe(wib(28, 15));
    expect(r.totals).toEqual({
      calls: 10,
      cases: 4,
      dispositions: { case: 4, prank: 3, silent: 2, misdial: 1 },
      prankRate: 0.3,
      silentRate: 0.2,
    });
    expect(r.byCategory.map((c) => [c.name, c.cases])).toEqual([
      ['Kebakaran', 1],
      ['Lampu jalan padam', 1],
      ['Kegawatdaruratan medis', 1],
      ['Pohon tumbang', 1],
    ]);
    expect(r.byKecamatan.map((k) => [k.name, k.cases])).toEqual([
      ['Taman', 2],
      ['Kartoharjo', 1],
      ['Manguharjo', 1],
    ]);
  });

  it('gives each OPD its dispatches, median times and breaches of each clock', () => {
    const r = cutReport(deps, request());
    expect(r.byOpd).toEqual([
      {
        opdId: 'damkar',
        short: 'Damkar',
        dispatched: 1,
        accepted: 1,
        resolved: 1,
        returned: 0,
        medianAcceptMin: 9,
        medianResolveMin: 49,
        breaches: { send: 0, accept: 1, resolve: 0 },
      },
      {
        opdId: 'dinkes',
        short: 'Dinkes/PSC 119',
        dispatched: 1,
        accepted: 0,
        resolved: 0,
        returned: 0,
        medianAcceptMin: null,
        medianResolveMin: null,
        breaches: { send: 1, accept: 1, resolve: 1 },
      },
      {
        opdId: 'dishub',
        short: 'Dishub',
        dispatched: 1,
        accepted: 1,
        resolved: 0,
        returned: 0,
        medianAcceptMin: 28,
        medianResolveMin: null,
        // A street light runs the emergency minutes (categories.json): accepted after 28 of 5.
        breaches: { send: 0, accept: 1, resolve: 1 },
      },
      {
        opdId: 'dlh',
        short: 'DLH',
        dispatched: 1,
        accepted: 1,
        resolved: 1,
        returned: 0,
        medianAcceptMin: 3,
        medianResolveMin: 28,
        breaches: { send: 0, accept: 0, resolve: 1 },
      },
    ]);
  });

  it('lists every case still open at the cut, from the day before too, with masked numbers', () => {
    const r = cutReport(deps, request());
    expect(r.openCases.map((c) => [c.caseId, c.status, c.nextStep, c.ageMin, c.opds])).toEqual([
      [IDS.c0, 'dispatched', 'accept', 19 * 60, ['DPUPR']],
      [IDS.c1, 'resolved', 'close', 7 * 60 + 50, ['DLH']],
      [IDS.c2, 'accepted', 'follow_up', 7 * 60, ['Dishub']],
      [IDS.c4, 'dispatch_pending', 'send', 5 * 60 + 30, ['Dinkes/PSC 119']],
    ]);
    const anonim = r.openCases.find((c) => c.caseId === IDS.c2)!;
    expect(anonim.reporter).toBeNull();
    expect(anonim.number).toBe('0813•••••333');
    const rahasia = r.openCases.find((c) => c.caseId === IDS.c4)!;
    expect(rahasia).toMatchObject({ rahasia: true, description: '' });
    const text = JSON.stringify(r);
    expect(text).not.toContain(ANONIM_NAME);
    expect(text).not.toContain(RAHASIA_TEXT);
    expect(text).not.toMatch(/\+62\d{6,}/);
  });

  it('names the dispatch still in the outbox, the reopened call and the block set and lifted', () => {
    const r = cutReport(deps, request());
    expect(r.waitingDispatches).toEqual([
      {
        dispatchId: expect.any(String),
        caseId: IDS.c4,
        opd: 'Dinkes/PSC 119',
        since: wib(28, 9, 30),
      },
    ]);
    expect(r.reopenedCalls).toEqual([
      {
        callId: IDS.silent,
        startedAt: wib(28, 8, 20),
        disposition: 'silent',
        screenedBy: 'Sari Operator',
        caseId: IDS.c4,
        reopenedAt: wib(28, 9, 30),
      },
    ]);
    expect(r.blocks).toEqual([
      {
        number: '0812•••••000',
        kind: 'manual',
        reason: 'Iseng berulang',
        setAt: wib(28, 10, 15),
        setBy: 'Budi Supervisor',
        liftedAt: wib(28, 14),
        liftedBy: 'Budi Supervisor',
      },
    ]);
  });

  it('cuts a shift still running at the moment it is printed', () => {
    now = wib(28, 9, 15);
    const r = cutReport(deps, request());
    expect(r.cutAt).toBe(wib(28, 9, 15));
    expect(r.totals.calls).toBe(4); // C1, C2, the silent call, C3
    // Damkar accepted at 09.10, inside the cut; it resolved at 09.50, after it.
    expect(r.byOpd.find((o) => o.opdId === 'damkar')).toMatchObject({ accepted: 1, resolved: 0 });
  });
});

describe('the night shift that crosses midnight', () => {
  it('belongs to the 28th and counts what happened after midnight', () => {
    const r = cutReport(deps, request({ shiftId: 'malam' }));
    expect(r.period).toMatchObject({ date: '2026-11-28', start: wib(28, 23), end: wib(29, 7) });
    expect(r.totals).toMatchObject({ calls: 2, cases: 1, dispositions: { case: 1, prank: 1 } });
    expect(r.byOpd).toEqual([
      expect.objectContaining({
        opdId: 'dlh',
        accepted: 1,
        resolved: 1,
        medianAcceptMin: 38,
        medianResolveMin: 88,
        breaches: { send: 0, accept: 1, resolve: 1 },
      }),
    ]);
    expect(r.openCases.map((c) => c.caseId)).toContain(IDS.c5);
  });

  it('is not in the report of the 29th, whose morning shift starts at 07.00', () => {
    const r = cutReport(deps, request({ date: '2026-11-29', shiftId: 'pagi' }));
    expect(r.totals.calls).toBe(0);
  });
});

describe('the day report', () => {
  it('runs from 07.00 on the 28th to 07.00 on the 29th', () => {
    const r = cutReport(deps, request({ kind: 'day', shiftId: null }));
    expect(r.period).toMatchObject({ kind: 'day', start: wib(28, 7), end: wib(29, 7) });
    expect(r.totals).toMatchObject({ calls: 12, cases: 5 });
    expect(r.totals.dispositions).toEqual({ case: 5, prank: 4, silent: 2, misdial: 1 });
    expect(r.byOpd.find((o) => o.opdId === 'dlh')).toMatchObject({
      dispatched: 2,
      medianAcceptMin: 20.5,
    });
  });

  it('refuses a shift not yet begun, a shift not in the schedule and a date that does not exist', () => {
    now = wib(28, 12);
    expect(() => cutReport(deps, request({ shiftId: 'siang' }))).toThrow(
      expect.objectContaining({ code: 'report.not_begun' }),
    );
    expect(() => cutReport(deps, request({ shiftId: 'sore' }))).toThrow(
      expect.objectContaining({ code: 'report.no_such_shift' }),
    );
    expect(() => cutReport(deps, request({ date: '2026-02-30' }))).toThrow(
      expect.objectContaining({ code: 'report.bad_date' }),
    );
  });
});
