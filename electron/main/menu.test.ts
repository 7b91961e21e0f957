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
    const reload = items.find((i) => i.label === 'Muat ulang');
    expect(reload).toBeDefined();
    expect(reload!.accelerator).toBeUndefined();
  });

  it('shows reload as "Muat ulang" / "Reload" under Tampilan / View, with no shortcut', () => {
    for (const [language, view, reload] of [
      ['id', 'Tampilan', 'Muat ulang'],
      ['en', 'View', 'Reload'],
    ] as const) {
      const a = actions();
      const top = menuTemplate(language, false, a);
      // The item that reloads, found by what it does rather than by its name.
      const reloading = top.flatMap((menu) =>
        ((menu.submenu ?? []) as Item[])
          .filter((item) => {
            a.reload.mockClear();
            item.click?.({} as never, undefined, {} as never);
            return a.reload.mock.calls.length > 0;
          })
          .map((item) => ({ menu: menu.label, label: item.label, item })),
      );
      expect(reloading.map(({ menu, label }) => ({ menu, label }))).toEqual([
        { menu: view, label: reload },
      ]);
      expect(reloading[0]!.item.accelerator).toBeUndefined();
      expect(reloading[0]!.item.role).toBeUndefined();
      // Electron's own reload roles bind Ctrl+R (and Ctrl+Shift+R) by themselves.
      const everything = top.flatMap((menu) => [menu, ...((menu.submenu ?? []) as Item[])]);
      expect(everything.map((item) => item.role)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(reload|forceReload)$/i)]),
      );
      expect(everything.map((item) => item.accelerator).filter(Boolean)).not.toContainEqual(
        expect.stringMatching(/R$/i),
      );
    }
  });

  it('shows the words and keys of the items operators use, in each language', () => {
    const shown = (language: 'id' | 'en') =>
      menuTemplate(language, false, actions()).map((menu) => ({
        menu: menu.label,
        items: ((menu.submenu ?? []) as Item[])
          .filter((item) => item.type !== 'separator')
          .map((item) => [item.label, item.role ?? null, item.accelerator ?? null]),
      }));
    // A role brings its platform shortcut (quit Ctrl+Q, copy Ctrl+C, zoom Ctrl+=, full
    // screen F11); an item with neither role nor accelerator has no shortcut.
    expect(shown('id')).toEqual([
      { menu: 'Berkas', items: [['Keluar', 'quit', null]] },
      {
        menu: 'Sunting',
        items: [
          ['Batalkan', 'undo', null],
          ['Ulangi', 'redo', null],
          ['Potong', 'cut', null],
          ['Salin', 'copy', null],
          ['Tempel', 'paste', null],
          ['Pilih semua', 'selectAll', null],
        ],
      },
      {
        menu: 'Tampilan',
        items: [
          ['Muat ulang', null, null],
          ['Perbesar', 'zoomIn', null],
          ['Perkecil', 'zoomOut', null],
          ['Ukuran normal', 'resetZoom', null],
          ['Layar penuh', 'togglefullscreen', null],
        ],
      },
      {
        menu: 'Bantuan',
        items: [
          ['Buka SP4N-LAPOR! (lapor.go.id)', null, null],
          ['Tentang Sigap', null, null],
        ],
      },
    ]);
    expect(shown('en').map((m) => [m.menu, m.items.map((i) => i[0])])).toEqual([
      ['File', ['Quit']],
      ['Edit', ['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select all']],
      ['View', ['Reload', 'Zoom in', 'Zoom out', 'Actual size', 'Full screen']],
      ['Help', ['Open SP4N-LAPOR! (lapor.go.id)', 'About Sigap']],
    ]);
  });

  it('installs the built menu as the application menu', () => {
    installMenu('en', false, actions());
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({
      template: expect.arrayContaining([expect.objectContaining({ label: 'File' })]),
    });
  });
});
