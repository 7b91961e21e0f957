/**
 * Downloads in the desktop app: only the console's own files are saved, each where the
 * person chooses in the save dialog. That is an export (CSV or XLSX) or a report PDF, made
 * by the console page itself from core's bytes (a `blob:app://sigap/…` URL) under the name
 * core gave it. Any other download, from whatever page or URL, is cancelled and logged.
 */
import path from 'node:path';
import { app, type Session } from 'electron';
import type { Logger } from '../../shared/log';
import { isAppUrl } from './app-origin';

/** The names core gives exports (exports-service.ts) and report PDFs (report-handlers.ts). */
const OWN_FILE = [
  /^sigap-(laporan|panggilan)-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.(csv|xlsx)$/,
  /^laporan-\d{4}-\d{2}-\d{2}-(harian|shift-[a-z0-9_-]{0,20})[a-z0-9_-]{0,40}\.pdf$/,
];

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.xlsx': { name: 'Excel', extensions: ['xlsx'] },
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
};

/** Whether a download is one of the console's own files, made by the console page. */
export function isOwnDownload(url: string, fileName: string, pageUrl: string | undefined): boolean {
  if (!url.startsWith('blob:') || !isAppUrl(url.slice('blob:'.length))) return false;
  if (!pageUrl || !isAppUrl(pageUrl)) return false;
  return OWN_FILE.some((pattern) => pattern.test(fileName));
}

export function guardDownloads(ses: Session, log: Logger): void {
  ses.on('will-download', (event, item, contents) => {
    const fileName = item.getFilename();
    const pageUrl = contents && !contents.isDestroyed() ? contents.getURL() : undefined;
    if (!isOwnDownload(item.getURL(), fileName, pageUrl)) {
      event.preventDefault();
      log.warn('download blocked', {
        url: item.getURL().slice(0, 200),
        file: fileName.slice(0, 120),
      });
      return;
    }
    // The save dialog, opening on the person's downloads folder with the file's own name.
    const filter = FILTERS[path.extname(fileName)];
    item.setSaveDialogOptions({
      defaultPath: path.join(app.getPath('downloads'), fileName),
      ...(filter ? { filters: [filter] } : {}),
    });
    item.once('done', (_e, state) => log.info('download', { file: fileName, state }));
  });
}
