/**
 * The console API over Electron IPC, main side. One invoke channel carries every call; each
 * is refused unless it comes from the console page's own top frame (app://sigap) and its
 * envelope and arguments match the contract — only then does core see it, in the session of
 * the window that sent it (never another window's). Answers and refusals are ApiResult
 * values, never a rejected promise with a raw error.
 */
import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { fail, type ApiResult } from '../../shared/api/errors';
import { CallEnvelope, IPC_CALL, IPC_EVENT, IPC_PRINT_REPORT } from '../../shared/api/ipc';
import { parseCall } from '../../shared/api/validate';
import type { Logger } from '../../shared/log';
import type { ConsoleSession, Core } from '../core/core';
import { APP_ORIGIN, isAppUrl, originOf } from './app-origin';

export type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'> | null;

/**
 * Is this frame the console page? Its origin comes from the frame's URL, as Electron's
 * security checklist does it: Chromium's own origin string for custom schemes has varied
 * between versions, while the URL is what we loaded. Sub-frames are refused outright; the
 * CSP allows none, so one that talks to us is not ours.
 */
export function checkSender(frame: SenderFrame): ApiResult<true> {
  if (!frame) {
    return fail('ipc.foreign_sender', 'The calling page has gone away; the call was dropped.');
  }
  if (frame.parent !== null) {
    return fail('ipc.foreign_sender', 'Calls from embedded frames are refused.');
  }
  const origin = originOf(frame.url) ?? 'an unknown origin';
  if (origin !== APP_ORIGIN) {
    return fail(
      'ipc.foreign_sender',
      `Calls are accepted only from the console page (${APP_ORIGIN}), not from ${origin.slice(0, 120)}.`,
    );
  }
  return { ok: true, value: true };
}

/** The sending window, as far as sessions need it: its id and its lifecycle events. */
export type SenderContents = Pick<WebContents, 'id' | 'once' | 'on'>;

/**
 * One core session per window (webContents), opened on its first call. It ends when the
 * window is destroyed or its page is loaded again: a new page starts signed out,
 * as a reloaded browser tab does, so nobody inherits a sign-in they did not make.
 */
export function createWindowSessions(core: Pick<Core, 'openSession'>): {
  of(contents: SenderContents): ConsoleSession;
  closeAll(): void;
} {
  const sessions = new Map<number, ConsoleSession>();
  const watched = new Set<number>();
  const end = (id: number): void => {
    sessions.get(id)?.close();
    sessions.delete(id);
  };
  return {
    of(contents) {
      const id = contents.id;
      if (!watched.has(id)) {
        watched.add(id);
        contents.once('destroyed', () => {
          end(id);
          watched.delete(id);
        });
        // A committed main-frame navigation: a reload, or the page loaded again after its
        // renderer crashed. A navigation the window refuses (a link elsewhere) commits
        // nothing and keeps the sign-in.
        contents.on('did-navigate', () => end(id));
      }
      let session = sessions.get(id);
      if (!session) {
        session = core.openSession();
        sessions.set(id, session);
      }
      return session;
    },
    closeAll() {
      for (const id of [...sessions.keys()]) end(id);
    },
  };
}

export async function handleCall(
  frame: SenderFrame,
  envelope: unknown,
  session: () => Pick<ConsoleSession, 'call'>,
  log: Logger,
): Promise<ApiResult<unknown>> {
  const sender = checkSender(frame);
  if (!sender.ok) {
    log.warn('ipc call refused', { reason: sender.error.message });
    return sender;
  }
  const parsed = CallEnvelope.safeParse(envelope);
  if (!parsed.success) {
    return fail('api.bad_request', 'A console call must be { channel, args }.');
  }
  const { channel, args } = parsed.data;
  const call = parseCall(channel, args);
  if (!call.ok) return call;
  try {
    // Core validates again at its own boundary; it gets the raw arguments because a
    // schema may transform them (trim, defaults) and must see the original input.
    return await session().call(channel, args);
  } catch (error) {
    log.error('core call threw', { channel, error: String(error) });
    return fail('internal', 'Sigap hit an internal error; the details are in the log.');
  }
}

/** Registers the call handler; returns the function that removes it (and ends the sessions). */
export function bindConsoleApi(
  core: Pick<Core, 'openSession'>,
  log: Logger,
  /** Prints a report through the system dialog (print.ts), in the asking window's session. */
  printReport?: (frame: SenderFrame, args: unknown, session: () => ConsoleSession) => unknown,
): () => void {
  const sessions = createWindowSessions(core);
  ipcMain.handle(IPC_CALL, (event, envelope: unknown) =>
    handleCall(event.senderFrame, envelope, () => sessions.of(event.sender), log),
  );
  if (printReport) {
    ipcMain.handle(IPC_PRINT_REPORT, (event, args: unknown) =>
      printReport(event.senderFrame, args, () => sessions.of(event.sender)),
    );
  }
  return () => {
    ipcMain.removeHandler(IPC_CALL);
    ipcMain.removeHandler(IPC_PRINT_REPORT);
    sessions.closeAll();
  };
}

/** Pushes core's events to the console page in `contents`; returns the unsubscribe. */
export function forwardEvents(
  core: Pick<Core, 'subscribe'>,
  contents: Pick<WebContents, 'isDestroyed' | 'getURL' | 'send'>,
): () => void {
  return core.subscribe((event) => {
    // Only the console page gets events: never a page that somehow replaced it.
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(IPC_EVENT, event);
  });
}
