/**
 * The desktop security baseline applied to every web contents and to the session (Electron's
 * security checklist): no navigation away from the console page, no new windows, no
 * <webview>, every permission refused but notifications for the console page itself (the
 * "Telepon OPD" alarm), no request to the network from a page. Links reach the outside
 * only through the vetted shell.openExternal.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../../shared/log';
import { isAppUrl } from './app-origin';
import { guardDownloads } from './downloads';
import { openExternalVetted } from './external-links';

/**
 * Page-initiated requests to these schemes are cancelled: the console page needs no
 * network (core talks to the hub from main), so anything here is remote content.
 */
export const REMOTE_URL_PATTERNS = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
  'file:///*',
];

const openExternal = (url: string, log: Logger): boolean =>
  openExternalVetted(url, (u) => shell.openExternal(u), log);

export function hardenContents(contents: WebContents, log: Logger): void {
  // The window never leaves app://sigap: a navigation elsewhere is either a link (opened
  // in the system browser when it is on the list) or an attack. Staying inside our own
  // origin (a reload of the page) is harmless and allowed.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn('navigation blocked', { url: event.url.slice(0, 200) });
    openExternal(event.url, log);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // handled by will-navigate above
    event.preventDefault();
    log.warn('sub-frame navigation blocked', { url: event.url.slice(0, 200) });
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn('redirect blocked', { url: event.url.slice(0, 200) });
  });
  contents.setWindowOpenHandler((details) => {
    openExternal(details.url, log);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
}

/**
 * The console page (app://sigap, nothing else) may show notifications: a dispatch that
 * needs a phone call must reach an operator who is looking at another window.
 */
function mayUse(permission: string, url: string | undefined): boolean {
  return permission === 'notifications' && url !== undefined && isAppUrl(url);
}

export function hardenSession(ses: Session, log: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    if (mayUse(permission, details?.requestingUrl)) return callback(true);
    log.warn('permission request refused', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayUse(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (details, callback) => {
    log.warn('remote request blocked', { url: details.url.slice(0, 200) });
    callback({ cancel: true });
  });
}

/** Applies the baseline to the default session and to every web contents ever created. */
export function hardenApp(log: Logger): void {
  hardenSession(session.defaultSession, log);
  guardDownloads(session.defaultSession, log);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log));
}
