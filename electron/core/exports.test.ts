/**
 * Exports of cases and calls through the console API, on a real store, with the real
 * worker thread writing real files: caller text stays text in CSV and XLSX, numbers are
 * masked unless a supervisor asks, an operator cannot unmask, anonim names never appear,
 * every export is recorded, and a cancelled export leaves no file behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../shared/domain/exports/request';
import { emptyIntakeForm } from '../../shared/domain/intake';
import { call, openLocalCore } from '../../tests/support/desk-cores';
import type { ConsoleSession, Core } from './core';
import { exportRecordFile, readExportRecords } from './exports/export-record';
import { exportsFolder } from './exports/exports-service';
import { storePath } from './core';
import { openStore } from './store/database';
import { loadDefaultReference, readReference } from './store/reference';
import { ensureDemoAccounts } from './auth/demo-accounts';
import { bulkInsert } from './seed/bulk-insert';
import { seededRandom } from './seed/random';
import { syntheticCalls } from './seed/synthetic';
import { repoRoot } from '../../tests/support/processes';

/** 10.00 WIB on 28/11/2026. */
const T = Date.UTC(2026, 10, 28, 3, 0, 0);
const PAYLOAD = '=HYPERLINK("http://x","klik")';
let dir: string;
let core: Core;
let operator: ConsoleSession;
let supervisor: ConsoleSession;

async function open(): Promise<void> {
  core = openLocalCore(dir, () => T, 'desk-1');
  const accounts =
    (await core.ensureDemoAccounts()) ??
    JSON.parse(fs.readFileSync(path.join(dir, 'demo-accounts.json'), 'utf8')).accounts;
  const signIn = async (username: string) => {
    const screen = core.openSession();
    const password = accounts.find((a: { username: string }) => a.username === username)!.password;
    await call(screen, 'auth.signIn', { username, password });
    return screen;
  };
  operator = await signIn('operator');
  supervisor = await signIn('supervisor');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-exports-'));
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function saveCase(form: Partial<ReturnType<typeof emptyIntakeForm>>): Promise<string> {
  const saved = await call<{ caseId: string }>(operator, 'intake.save', {
    callId: uuidv7(),
    startedAt: T - 120_000,
    form: {
      ...emptyIntakeForm(),
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description: 'Pohon tumbang menutup jalan',
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
      address: 'Jl. Pahlawan',
      ...form,
    },
  });
  return saved.caseId;
}

/** Starts an export and waits for it to end; answers how it ended. */
async function runExport(
  screen: ConsoleSession,
  args: Record<string, unknown>,
): Promise<ExportProgress> {
  const ended = new Promise<ExportProgress>((resolve) => {
    const stop = core.subscribe((e) => {
      if (e.event === 'export.progress' && e.payload.state !== 'running') {
        stop();
        resolve(e.payload);
      }
    });
  });
  await call(screen, 'export.start', { from: '28/11/2026', to: '28/11/2026', ...args });
  return ended;
}

/** The finished file's bytes, read back through the API the screen uses. */
async function fileOf(screen: ConsoleSession, exportId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const piece = await call<{ data: string; size: number }>(screen, 'export.read', {
      exportId,
      offset,
    });
    const bytes = Buffer.from(piece.data, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (offset >= piece.size || bytes.length === 0) break;
  }
  return Buffer.concat(parts);
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('exports', () => {
  beforeEach(open);

  it('writes caller text as text in CSV: BOM, CRLF, quoted, formulas escaped, numbers masked', async () => {
    await saveCase({ description: PAYLOAD, callerNumber: '081234567890', callerName: 'Budi' });
    await saveCase({ callerNumber: '085712345678', callerName: 'Siti Anonim', anonim: true });
    const done = await runExport(supervisor, { kind: 'cases', format: 'csv' });
    expect(done).toMatchObject({ state: 'done', rows: 2, total: 2 });

    const bytes = await fileOf(supervisor, done.exportId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(4); // header, two cases, and the empty end after the last CRLF
    expect(lines[0]).toContain('"No. laporan","Waktu lapor (WIB)"');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(text).not.toContain(`,"=HYPERLINK`);
    expect(text).toContain('"0812•••••890"');
    expect(text).not.toContain('081234567890');
    expect(text).not.toContain('Siti Anonim');
    expect(text).toContain('"(anonim)"');
    expect(text).toContain('"28/11/2026 09.58.00"');
  });

  it('writes caller text as string cells in XLSX, never formulas', async () => {
    await saveCase({ description: PAYLOAD, callerNumber: '081234567890', callerName: '@Budi' });
    const done = await runExport(supervisor, { kind: 'cases', format: 'xlsx' });
    expect(done.state).toBe('done');

    const sheet = await sheetOf(await fileOf(supervisor, done.exportId));
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = sheet.getRow(2).getCell(headers.indexOf('Uraian') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(PAYLOAD);
    expect(cell.formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(headers.indexOf('Nama pelapor') + 1).value).toBe('@Budi');
    expect(sheet.getRow(2).getCell(headers.indexOf('Nomor pelapor') + 1).value).toBe(
      '0812•••••890',
    );
  });

  it('exports calls with their dispositions, and the screened note as text', async () => {
    await call(operator, 'call.screen', {
      callId: uuidv7(),
      startedAt: T - 60_000,
      callerNumber: '081298765432',
      withheld: false,
      disposition: 'prank',
      note: '+62 tertawa',
      ticks: ['laughter'],
    });
    await saveCase({ callerNumber: '081234567890', callerName: 'Budi' });
    const done = await runExport(supervisor, { kind: 'calls', format: 'csv' });
    expect(done).toMatchObject({ state: 'done', rows: 2 });
    const text = (await fileOf(supervisor, done.exportId)).toString('utf8');
    expect(text).toContain('"Iseng"');
    expect(text).toContain(`"'+62 tertawa"`);
    expect(text).toContain('"tertawa"');
    expect(text).toContain('"0812•••••432"');
    expect(text).not.toContain('081298765432');
  });

  it('gives numbers in full to a supervisor who asks, except an anonim caller’s, and records it', async () => {
    await saveCase({ callerNumber: '081234567890', callerName: 'Budi' });
    await saveCase({ callerNumber: '085712345678', callerName: 'Siti Anonim', anonim: true });
    const done = await runExport(supervisor, { kind: 'cases', format: 'csv', unmask: true });
    const text = (await fileOf(supervisor, done.exportId)).toString('utf8');
    expect(text).toContain('"081234567890"');
    expect(text).not.toContain('085712345678');
    expect(text).not.toContain('Siti Anonim');

    const records = readExportRecords(exportRecordFile(dir));
    expect(records.map((r) => r.event)).toEqual(['started', 'done']);
    expect(records[1]).toMatchObject({
      exportId: done.exportId,
      operatorName: 'Supervisor Demo',
      role: 'supervisor',
      kind: 'cases',
      from: '28/11/2026',
      to: '28/11/2026',
      unmasked: true,
      rows: 2,
    });
  });

  it('refuses numbers in full to an operator, writing nothing', async () => {
    await saveCase({ callerNumber: '081234567890' });
    const r = await operator.call('export.start', {
      kind: 'cases',
      format: 'csv',
      from: '28/11/2026',
      to: '28/11/2026',
      unmask: true,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    expect(fs.existsSync(exportsFolder(dir))).toBe(false);
    expect(readExportRecords(exportRecordFile(dir))).toEqual([]);
    expect(await call(operator, 'export.list', {})).toEqual({ exports: [] });
  });

  it('lets an operator export masked, and only the one who made it read the file', async () => {
    await saveCase({ callerNumber: '081234567890' });
    const done = await runExport(operator, { kind: 'cases', format: 'csv' });
    expect(done.state).toBe('done');
    const r = await supervisor.call('export.read', { exportId: done.exportId, offset: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'export.not_found' } });
  });

  it('refuses a reversed or unreadable range with the field to fix', async () => {
    const reversed = await supervisor.call('export.start', {
      kind: 'cases',
      format: 'csv',
      from: '28/11/2026',
      to: '27/11/2026',
    });
    expect(reversed).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_args', fields: { to: 'export.range_reversed' } },
    });
    const bad = await supervisor.call('export.start', {
      kind: 'cases',
      format: 'csv',
      from: '31/02/2026',
      to: '28/11/2026',
    });
    expect(bad).toMatchObject({ ok: false, error: { fields: { from: 'export.day_invalid' } } });
    expect(fs.existsSync(exportsFolder(dir))).toBe(false);
  });
});

describe('files left in the exports folder', () => {
  it('removes partial files a crash left and finished ones a day old, at start', async () => {
    const folder = exportsFolder(dir);
    fs.mkdirSync(folder, { recursive: true });
    const partial = path.join(folder, 'sigap-laporan-2026-11-28_2026-11-28-aaaaaaaa.xlsx.part');
    const old = path.join(folder, 'sigap-laporan-2026-11-20_2026-11-20-bbbbbbbb.csv');
    const fresh = path.join(folder, 'sigap-panggilan-2026-11-28_2026-11-28-cccccccc.csv');
    for (const f of [partial, old, fresh]) fs.writeFileSync(f, 'x');
    // The test clock is T; file times are the machine's: age them against T.
    fs.utimesSync(old, new Date(T - 25 * 3_600_000), new Date(T - 25 * 3_600_000));
    fs.utimesSync(fresh, new Date(T - 3_600_000), new Date(T - 3_600_000));
    fs.utimesSync(partial, new Date(T - 60_000), new Date(T - 60_000));
    await open();
    expect(fs.readdirSync(folder)).toEqual([path.basename(fresh)]);
  });
});

describe('a cancelled export', () => {
  beforeEach(async () => {
    // Enough cases that the export is still writing when the cancel arrives.
    const db = openStore(storePath(dir));
    loadDefaultReference(db, path.join(repoRoot, 'resources', 'data'));
    await ensureDemoAccounts(db, dir, T);
    const op = db.prepare("SELECT id FROM operators WHERE username = 'operator'").get() as {
      id: string;
    };
    bulkInsert(
      db,
      syntheticCalls(seededRandom(7), readReference(db), {
        cases: 4_000,
        endAt: T,
        spanDays: 2,
      }),
      op.id,
      'desk-1',
    );
    db.close();
    await open();
  }, 60_000);

  it('stops, leaves no file, partial or whole, and is recorded as cancelled', async () => {
    const ended = new Promise<ExportProgress>((resolve) => {
      core.subscribe((e) => {
        if (e.event !== 'export.progress') return;
        // Cancel once rows are being written.
        if (e.payload.state === 'running' && e.payload.rows > 0)
          void call(supervisor, 'export.cancel', { exportId: e.payload.exportId });
        if (e.payload.state !== 'running') resolve(e.payload);
      });
    });
    await call(supervisor, 'export.start', {
      kind: 'cases',
      format: 'xlsx',
      from: '26/11/2026',
      to: '28/11/2026',
    });
    const end = await ended;
    expect(end.state).toBe('cancelled');
    expect(end.rows).toBeLessThan(end.total);
    expect(fs.readdirSync(exportsFolder(dir))).toEqual([]);
    const r = await supervisor.call('export.read', { exportId: end.exportId, offset: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'export.not_ready' } });
    expect(readExportRecords(exportRecordFile(dir)).map((x) => x.event)).toEqual([
      'started',
      'cancelled',
    ]);
  });
});
