/**
 * The desktop print of a report, main side, with a real console core and Electron's window
 * left out (the print itself is handed to a function): a supervisor's request reaches the
 * print as the PDF core makes for a download; an operator's, a malformed one, or one from
 * a page other than the console is refused and nothing is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportRequest } from '../../shared/domain/report';
import { createLogger } from '../../shared/log';
import type { ConsoleSession, Core } from '../core/core';
import { call, openLocalCore } from '../../tests/support/desk-cores';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));
const { handlePrintReport } = await import('./print');

const log = createLogger('test', () => undefined);
const consolePage = { url: 'app://sigap/index.html', parent: null };
let dir: string;
let core: Core;
let supervisor: ConsoleSession;
let operator: ConsoleSession;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-print-'));
  core = openLocalCore(dir, () => Date.UTC(2026, 10, 28, 8, 5), 'desk-1');
  const accounts = (await core.ensureDemoAccounts())!;
  const signIn = async (username: string) => {
    const screen = core.openSession();
    const password = accounts.find((a) => a.username === username)!.password;
    await call(screen, 'auth.signIn', { username, password });
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
  notes: '',
  outgoing: { name: 'Budi Supervisor', nip: '1' },
  incoming: { name: '', nip: '2' },
  language: 'id',
};

describe('printing a report in the desktop app', () => {
  it("hands a supervisor's report PDF to the print dialog, as core makes it", async () => {
    const print = vi.fn(async (_pdf: Buffer, _title: string) => ({ printed: true }));
    const r = await handlePrintReport(consolePage, request, () => supervisor, print, log);
    expect(r).toEqual({ ok: true, value: { printed: true } });
    expect(print).toHaveBeenCalledTimes(1);
    const [pdf, title] = print.mock.calls[0]!;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(title).toBe('laporan-2026-11-28-shift-pagi.pdf');
  });

  it('says so when the dialog was cancelled', async () => {
    const print = vi.fn(async () => ({ printed: false }));
    const r = await handlePrintReport(consolePage, request, () => supervisor, print, log);
    expect(r).toEqual({ ok: true, value: { printed: false } });
  });

  it("refuses an operator's, a malformed and a foreign page's request, printing nothing", async () => {
    const print = vi.fn(async () => ({ printed: true }));
    const refusals = [
      [
        await handlePrintReport(consolePage, request, () => operator, print, log),
        'auth.not_supervisor',
      ],
      [
        await handlePrintReport(
          consolePage,
          { ...request, date: '<b>x</b>' },
          () => supervisor,
          print,
          log,
        ),
        'api.invalid_args',
      ],
      [
        await handlePrintReport(
          { url: 'https://evil.example/', parent: null },
          request,
          () => supervisor,
          print,
          log,
        ),
        'ipc.foreign_sender',
      ],
    ] as const;
    for (const [r, code] of refusals) expect(r).toMatchObject({ ok: false, error: { code } });
    expect(print).not.toHaveBeenCalled();
  });

  it('turns a failed print into a clear error value', async () => {
    const print = vi.fn(async () => {
      throw new Error('no printer service');
    });
    const r = await handlePrintReport(consolePage, request, () => supervisor, print, log);
    expect(r).toMatchObject({ ok: false, error: { code: 'report.print_failed' } });
  });
});
