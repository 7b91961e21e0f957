/**
 * The application menu, with Electron mocked: Indonesian by default, English when the
 * console is switched, developer tools only in a developer run, help links through the
 * vetted opener.
 */
import { describe, expect, it, vi } from 'vitest';

const Menu = vi.hoisted(() => ({
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
}));
vi.mock('electron', () => ({ Menu }));

const { installMenu, LAPOR_URL, menuTemplate } = await import('./menu');
type Item = ReturnType<typeof menuTemplate>[number];

const actions = () => ({ reload: vi.fn(), showAbout: vi.fn(), openExternal: vi.fn() });
const labels = (items: Item[]): string[] =>
  items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu as Item[]) : []),
  ]);

describe('application menu', () => {
  it('speaks Indonesian by default', () => {
    const top = menuTemplate('id', false, actions());
    expect(top.map((i) => i.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan']);
    expect(labels(top)).toEqual(expect.arrayContaining(['Keluar', 'Salin', 'Tentang Sigap']));
  });

  it('speaks English when the console is in English', () => {
    const top = menuTemplate('en', false, actions());
    expect(top.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(top)).toEqual(expect.arrayContaining(['Quit', 'Copy', 'About Sigap']));
    expect(labels(top)).not.toContain('Keluar');
  });

  it('offers developer tools only in a developer run', () => {
    expect(labels(menuTemplate('id', false, actions()))).not.toContain('Alat pengembang');
    expect(labels(menuTemplate('id', true, actions()))).toContain('Alat pengembang');
  });

  it('opens SP4N-LAPOR! through the vetted opener and keeps reload off Ctrl+R', () => {
    const a = actions();
    const items = menuTemplate('id', false, a).flatMap((i) => (i.submenu ?? []) as Item[]);
    const lapor = items.find((i) => i.label?.includes('SP4N-LAPOR!'));
    lapor?.click?.({} as never, undefined, {} as never);
    expect(a.openExternal).toHaveBeenCalledWith(LAPOR_URL);
    expect(LAPOR_URL.startsWith('https://')).toBe(true);
    expect(items.find((i) => i.label === 'Muat ulang')?.accelerator).toBeUndefined();
  });

  it('installs the built menu as the application menu', () => {
    installMenu('en', false, actions());
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({
      template: expect.arrayContaining([expect.objectContaining({ label: 'File' })]),
    });
  });
});
