/**
 * The system print dialog for a report in the desktop app. The page asks through the
 * preload (`sigapDesktop.printReport`) with the same request as `report.pdf`; main has core
 * make the PDF in that window's session (so only a supervisor gets one, as for a
 * download), loads the bytes into a hidden window's PDF viewer and opens the print dialog
 * there: the paper shows exactly the A4 pages of the PDF, page numbers and hash included.
 */
import { BrowserWindow } from 'electron';
import { fail, type ApiResult } from '../../shared/api/errors';
import { parseCall } from '../../shared/api/validate';
import { ReportFile } from '../../shared/domain/report';
import type { Logger } from '../../shared/log';
import type { ConsoleSession } from '../core/core';
import { checkSender, type SenderFrame } from './ipc';

/** The PDF viewer draws its pages a moment after the load event: printing waits for it. */
const VIEWER_SETTLE_MS = 700;

export type PrintPdf = (pdf: Buffer, title: string) => Promise<{ printed: boolean }>;

/** Prints PDF bytes through the system dialog, from a hidden window closed afterwards. */
export const printPdf: PrintPdf = (pdf, title) =>
  new Promise((resolve, reject) => {
    const win = new BrowserWindow({
      show: false,
      title,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        // The built-in PDF viewer is a plugin; this window loads nothing but our bytes.
        plugins: true,
      },
    });
    const close = (): void => {
      if (!win.isDestroyed()) win.destroy();
    };
    win.webContents.once('did-fail-load', (_e, code, description) => {
      close();
      reject(new Error(`the report could not be loaded for printing: ${code} ${description}`));
    });
    win.webContents.once('did-finish-load', () => {
      setTimeout(() => {
        if (win.isDestroyed()) return resolve({ printed: false });
        win.webContents.print({ silent: false, printBackground: true }, (printed) => {
          close();
          resolve({ printed });
        });
      }, VIEWER_SETTLE_MS);
    });
    // A data URL: the bytes never touch the disk, and the session's block on file:// and
    // the network stays as it is.
    void win.loadURL(`data:application/pdf;base64,${pdf.toString('base64')}`);
  });

export async function handlePrintReport(
  frame: SenderFrame,
  args: unknown,
  session: () => Pick<ConsoleSession, 'call'>,
  print: PrintPdf,
  log: Logger,
): Promise<ApiResult<{ printed: boolean }>> {
  const sender = checkSender(frame);
  if (!sender.ok) {
    log.warn('print refused', { reason: sender.error.message });
    return sender;
  }
  const call = parseCall('report.pdf', args);
  if (!call.ok) return call;
  const made = await session().call('report.pdf', args);
  if (!made.ok) return made;
  const file = ReportFile.safeParse(made.value);
  if (!file.success)
    return fail('internal', 'Sigap hit an internal error; the details are in the log.');
  try {
    const result = await print(Buffer.from(file.data.pdf, 'base64'), file.data.fileName);
    log.info('report printed', { file: file.data.fileName, printed: result.printed });
    return { ok: true, value: result };
  } catch (error) {
    log.error('report print failed', { error: String(error) });
    return fail(
      'report.print_failed',
      'The report could not be printed; the details are in the log.',
    );
  }
}
