/**
 * The desktop menu's words: Indonesian by default, English when the operator switched the
 * console to English. Kept beside the menu because main has no i18next.
 */
import type { Language } from '../../shared/api/contract';

export const MENU_TEXT = {
  id: {
    file: 'Berkas',
    quit: 'Keluar',
    edit: 'Sunting',
    undo: 'Batalkan',
    redo: 'Ulangi',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih semua',
    view: 'Tampilan',
    reload: 'Muat ulang',
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
    resetZoom: 'Ukuran normal',
    fullScreen: 'Layar penuh',
    devTools: 'Alat pengembang',
    help: 'Bantuan',
    lapor: 'Buka SP4N-LAPOR! (lapor.go.id)',
    about: 'Tentang Sigap',
    aboutDetail: 'Konsol triase 112. Data desk ini: {dataDir}',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullScreen: 'Full screen',
    devTools: 'Developer tools',
    help: 'Help',
    lapor: 'Open SP4N-LAPOR! (lapor.go.id)',
    about: 'About Sigap',
    aboutDetail: '112 triage console. This desk keeps its data in: {dataDir}',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type MenuText = (typeof MENU_TEXT)[Language];
