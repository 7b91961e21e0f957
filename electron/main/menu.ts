/**
 * The application menu, rebuilt in the console's language whenever it changes. Only what an
 * operator needs: quit, editing keys, zoom and full screen, help links (through the vetted
 * opener) and About; developer tools only in a developer run.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/api/contract';
import { MENU_TEXT } from './menu-text';

export const LAPOR_URL = 'https://www.lapor.go.id/';

export interface MenuActions {
  reload(): void;
  showAbout(): void;
  openExternal(url: string): void;
}

export function menuTemplate(
  language: Language,
  devTools: boolean,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const t = MENU_TEXT[language];
  const view: MenuItemConstructorOptions[] = [
    // No accelerator: Ctrl+R mid-call would throw away what the operator is typing.
    { label: t.reload, click: () => actions.reload() },
    { type: 'separator' },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    { role: 'resetZoom', label: t.resetZoom },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.fullScreen },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: t.devTools });
  return [
    { label: t.file, submenu: [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    { label: t.view, submenu: view },
    {
      label: t.help,
      submenu: [
        { label: t.lapor, click: () => actions.openExternal(LAPOR_URL) },
        { type: 'separator' },
        { label: t.about, click: () => actions.showAbout() },
      ],
    },
  ];
}

export function installMenu(language: Language, devTools: boolean, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, devTools, actions)));
}
