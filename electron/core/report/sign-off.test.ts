/**
 * Reports through the console API on a real desk store holding the fixture day: only a
 * supervisor previews, prints and signs; the incoming supervisor signs on the same screen
 * with their own password (a wrong one stores nothing); the signed report is kept as it
 * was, a second sign-off beside the first; a reprint has the same hash and content, marked
 * "cetak ulang", whatever changed in the store since.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportFile, ReportRequest, SignedReport } from '../../../shared/domain/report';
import { call, openLocalCore } from '../../../tests/support/desk-cores';
import { wib, writeReportDay } from '../../../tests/support/report-day';
import { openStore } from '../store/database';
import { storePath, type ConsoleSession, type Core } from '../core';

let dir: string;
let core: Core;
let clock = wib(28, 15, 5);
let supervisor: ConsoleSession;
let operator: ConsoleSession;
let passwords: Record<string, string>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-signoff-'));
  clock = wib(28, 15, 5);
  core = openLocalCore(dir, () => clock, 'desk-1');
  const accounts = (await core.ensureDemoAccounts())!;
  // The fixture day, written beside the running core (as another writer would in WAL mode).
  const db = openStore(storePath(dir));
  writeReportDay(db);
  db.close();
  passwords = Object.fromEntries(accounts.map((a) => [a.username, a.password]));
  const signIn = async (username: string) => {
    const screen = core.openSession();
    await call(screen, 'auth.signIn', { username, password: passwords[username] });
    return screen;
  };
  supervisor = await signIn('supervisor');
  operator = await signIn('operator');
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request: ReportRequest = {
  kind: 'shift',
  date: '2026-11-28',
  shiftId: 'pagi',
  notes: 'Pohon tumbang di Kejuron sudah dibersihkan.',
  outgoing: { name: 'Budi Supervisor', nip: '198001012005011001' },
  incoming: { name: '', nip: '198502022010012002' },
  language: 'id',
};

/** The incoming supervisor signs on the outgoing one's screen. */
const sign = (password: string, username = 'supervisor2') =>
  supervisor.call('report.sign', { request, signer: { username, password } });

function pdfText(f: ReportFile): string {
  const file = path.join(dir, f.fileName);
  fs.writeFileSync(file, Buffer.from(f.pdf, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('reports through the console API', () => {
  it('are for supervisors only', async () => {
    for (const channel of ['report.preview', 'report.pdf'] as const) {
      const r = await operator.call(channel, request);
      expect(r).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    }
    const list = await operator.call('report.signed', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
  });

  it('refuses a request that is not a report request, naming the field', async () => {
    const r = await supervisor.call('report.preview', { ...request, date: '28/11/2026' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_args', fields: { date: 'report.bad_date' } },
    });
  });

  it('previews the figures with the hash of their canonical JSON', async () => {
    const r = await call<{ snapshot: { totals: { calls: number } }; hash: string }>(
      supervisor,
      'report.preview',
      request,
    );
    expect(r.snapshot.totals.calls).toBe(10);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a wrong password signs nothing; the right one stores the report, marked offline', async () => {
    expect(await sign('wrong')).toMatchObject({ ok: false, error: { code: 'report.bad_signer' } });
    const none = await operator.call('auth.session', {}); // the operator's sign-in is untouched
    expect(none).toMatchObject({ ok: true, value: { operator: { username: 'operator' } } });
    expect(await call(supervisor, 'report.signed', {})).toEqual({ reports: [] });

    const signed = await sign(passwords.supervisor2!);
    expect(signed.ok).toBe(true);
    const { report } = (signed as { value: { report: SignedReport } }).value;
    expect(report).toMatchObject({
      kind: 'shift',
      date: '2026-11-28',
      shiftId: 'pagi',
      offline: true,
    });
    const { reports } = await call<{ reports: SignedReport[] }>(supervisor, 'report.signed', {});
    expect(reports).toEqual([report]);
    // Still the supervisor who was signed in on this screen: no session switch.
    const session = await call<{ operator: { username: string } }>(supervisor, 'auth.session', {});
    expect(session.operator.username).toBe('supervisor');
  });

  it('refuses the outgoing supervisor signing as the incoming one, and stores nothing', async () => {
    const r = await sign(passwords.supervisor!, 'supervisor');
    expect(r).toMatchObject({ ok: false, error: { code: 'report.same_signer' } });
    expect(await call(supervisor, 'report.signed', {})).toEqual({ reports: [] });
  });

  it('keeps a second sign-off of the same shift beside the first', async () => {
    await sign(passwords.supervisor2!);
    clock += 60_000;
    await sign(passwords.supervisor2!);
    const { reports } = await call<{ reports: SignedReport[] }>(supervisor, 'report.signed', {});
    expect(reports).toHaveLength(2);
    expect(reports[0]!.hash).toBe(reports[1]!.hash); // same shift, same data, cut at its end
    expect(reports[0]!.reportId).not.toBe(reports[1]!.reportId);
  });

  it('reprints a signed report with the same hash and content, marked cetak ulang', async () => {
    const signed = await sign(passwords.supervisor2!);
    const { report } = (signed as { value: { report: SignedReport } }).value;
    // The store changes after the sign-off: a late call logged inside the shift.
    const db = openStore(storePath(dir));
    db.prepare(
      `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id,
         operator_id, operator_name, disposition)
       VALUES ('0194f000-0000-7000-8000-000000000999', ?, ?, NULL, 1, '', 'desk-2', NULL, 'Lain', 'prank')`,
    ).run(wib(28, 14), wib(28, 14, 1));
    db.close();
    const fresh = await call<{ hash: string }>(supervisor, 'report.preview', request);
    expect(fresh.hash).not.toBe(report.hash);

    clock = wib(29, 10, 30);
    const reprint = await call<ReportFile>(supervisor, 'report.reprint', {
      reportId: report.reportId,
    });
    expect(reprint.hash).toBe(report.hash);
    const text = pdfText(reprint);
    expect(text).toContain('cetak ulang 29/11/2026 10.30.00 WIB');
    expect(text).toContain(`SHA-256 ${report.hash}`);
    expect(text).toMatch(/Panggilan\s+10\n/);
    expect(text).toContain('Ditandatangani');
    expect(text).toContain('(ditandatangani saat hub tidak terjangkau)');

    clock = wib(30, 8);
    const again = await call<ReportFile>(supervisor, 'report.reprint', {
      reportId: report.reportId,
    });
    const strip = (t: string) => t.replace(/cetak ulang [^\n]*/, '');
    expect(strip(pdfText(again))).toBe(strip(text));
  });

  it('a signed report cannot be changed or removed in the store', async () => {
    await sign(passwords.supervisor2!);
    const db = openStore(storePath(dir));
    try {
      expect(() => db.prepare("UPDATE signed_reports SET hash = 'x'").run()).toThrow(
        /never changed/,
      );
      expect(() => db.prepare('DELETE FROM signed_reports').run()).toThrow(/never removed/);
    } finally {
      db.close();
    }
  });

  it('says a reprint of an unknown report is not found', async () => {
    const r = await supervisor.call('report.reprint', {
      reportId: '0194f000-0000-7000-8000-000000000000',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'report.not_found' } });
  });
});
