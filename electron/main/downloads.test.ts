/**
 * The desktop download guard, with Electron's session mocked: the console page's own
 * exports and report PDFs go to the save dialog under their own names; any other download
 * (another page, a remote URL, a file name core does not give) is cancelled.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/log';

vi.mock('electron', () => ({ app: { getPath: () => '/home/operator/Downloads' } }));
const { guardDownloads, isOwnDownload } = await import('./downloads');

const page = 'app://sigap/index.html';
const blob = 'blob:app://sigap/5b1e6f0c-3a4d-4f7e-9c1b-2d3e4f5a6b7c';
const exportName = 'sigap-laporan-2026-11-01_2026-11-28-1a2b3c4d.xlsx';

describe('downloads in the desktop app', () => {
  it("takes only the console page's own files", () => {
    expect(isOwnDownload(blob, exportName, page)).toBe(true);
    expect(isOwnDownload(blob, 'sigap-panggilan-2026-11-28_2026-11-28-00ff00aa.csv', page)).toBe(
      true,
    );
    expect(isOwnDownload(blob, 'laporan-2026-11-28-shift-pagi.pdf', page)).toBe(true);
    expect(isOwnDownload(blob, 'laporan-2026-11-28-harian-cetak-ulang.pdf', page)).toBe(true);
  });

  it.each([
    ['a remote URL', 'https://evil.example/x.xlsx', exportName, page],
    ['a blob of another origin', 'blob:https://evil.example/1', exportName, page],
    ['a file URL', 'file:///etc/passwd', 'passwd', page],
    ['a name core never gives', blob, 'setup.exe', page],
    ['a path in the name', blob, '../sigap-laporan-2026-11-01_2026-11-28-1a2b3c4d.xlsx', page],
    ['another page', blob, exportName, 'https://evil.example/'],
    ['no page', blob, exportName, undefined],
  ])('cancels %s', (_what, url, name, from) => {
    expect(isOwnDownload(url, name, from)).toBe(false);
  });

  it('cancels a foreign download and opens the save dialog for an own one', () => {
    const session = new EventEmitter();
    guardDownloads(
      session as never,
      createLogger('test', () => undefined),
    );
    const item = (url: string, name: string) =>
      Object.assign(new EventEmitter(), {
        getURL: () => url,
        getFilename: () => name,
        setSaveDialogOptions: vi.fn(),
      });
    const contents = { isDestroyed: () => false, getURL: () => page };

    const foreign = item('https://evil.example/a.xlsx', exportName);
    const refused = { preventDefault: vi.fn() };
    session.emit('will-download', refused, foreign, contents);
    expect(refused.preventDefault).toHaveBeenCalled();
    expect(foreign.setSaveDialogOptions).not.toHaveBeenCalled();

    const own = item(blob, exportName);
    const allowed = { preventDefault: vi.fn() };
    session.emit('will-download', allowed, own, contents);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    expect(own.setSaveDialogOptions).toHaveBeenCalledWith({
      defaultPath: `/home/operator/Downloads/${exportName}`,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
  });
});
