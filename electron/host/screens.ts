/**
 * The browser host's screens: one per page (browser tab), each with its own core session,
 * so a sign-in in one tab never shows or acts in another. A page opens its screen, names it
 * on every call and binds its event socket to it. A screen ends — its person signed out —
 * when its page goes away (closed tab, reload: the browser closes the socket with "going
 * away"), or a grace period after its socket dropped otherwise (long enough to ride out a
 * broken connection). A new page — a reload, a duplicated tab — opens a new screen.
 */
import crypto from 'node:crypto';
import type { ConsoleSession, Core } from '../core/core';

/** How long a screen without its event socket is kept for the same page to come back. */
export const DETACHED_SCREEN_MS = 2 * 60_000;
/** The WebSocket close code a browser sends when the page is unloaded (RFC 6455 "going away"). */
export const PAGE_GONE = 1001;

/** What a screen needs of its event socket: to close it when another takes its place. */
export interface ScreenSocket {
  close(code: number, reason: string): void;
}

interface Screen {
  session: ConsoleSession;
  socket: ScreenSocket | null;
  /** Last call or socket activity, for the grace period of a detached screen. */
  seenAt: number;
}

export interface Screens {
  /** A new, signed-out screen; returns its id (a secret the page keeps in memory). */
  open(): string;
  /** The session of a live screen, or undefined for a missing, unknown or ended one. */
  session(id: string | undefined): ConsoleSession | undefined;
  /** Binds an event socket to the screen; false if the screen is unknown or ended. */
  attach(id: string, socket: ScreenSocket): boolean;
  /**
   * The socket closed (unless another socket took its place): the screen ends now if its
   * page went away, else the grace period starts.
   */
  detach(id: string, socket: ScreenSocket, pageGone: boolean): void;
  /** Ends screens detached longer than the grace period. */
  sweep(): void;
  /** Ends every screen (host stopping). */
  closeAll(): void;
  readonly size: number;
}

export function createScreens(
  core: Pick<Core, 'openSession'>,
  now: () => number = Date.now,
  detachedMs = DETACHED_SCREEN_MS,
): Screens {
  const screens = new Map<string, Screen>();
  const end = (id: string, screen: Screen): void => {
    screens.delete(id);
    screen.session.close();
  };
  return {
    open() {
      const id = crypto.randomBytes(32).toString('base64url');
      screens.set(id, { session: core.openSession(), socket: null, seenAt: now() });
      return id;
    },
    session(id) {
      const screen = id === undefined ? undefined : screens.get(id);
      if (!screen) return undefined;
      screen.seenAt = now();
      return screen.session;
    },
    attach(id, socket) {
      const screen = screens.get(id);
      if (!screen) return false;
      // The same page reconnecting before its old socket was noticed gone: the new one wins.
      if (screen.socket && screen.socket !== socket) screen.socket.close(4409, 'screen.replaced');
      screen.socket = socket;
      screen.seenAt = now();
      return true;
    },
    detach(id, socket, pageGone) {
      const screen = screens.get(id);
      if (!screen || screen.socket !== socket) return;
      if (pageGone) return end(id, screen);
      screen.socket = null;
      screen.seenAt = now();
    },
    sweep() {
      const t = now();
      for (const [id, screen] of screens) {
        if (!screen.socket && t - screen.seenAt > detachedMs) end(id, screen);
      }
    },
    closeAll() {
      for (const [id, screen] of screens) end(id, screen);
    },
    get size() {
      return screens.size;
    },
  };
}
