/**
 * ConsoleClient over the browser host: calls as POST /api/call/<channel>, events over one
 * WebSocket that reconnects on its own. Everything the host sends back is validated against
 * the contract before the UI sees it.
 *
 * This page is one screen with its own sign-in (see shared/api/screen-link.ts). Its screen
 * id lives in this page's memory only: a reloaded or duplicated tab opens a new screen and
 * shows the sign-in, never the person of the tab it came from.
 */
import type { BackendLink, ConsoleClient } from '../../../shared/api/client';
import { createEventHub, methodsFor } from '../../../shared/api/client-kit';
import type { Channel } from '../../../shared/api/contract';
import { ApiError, fail, type ApiResult } from '../../../shared/api/errors';
import { readResult } from '../../../shared/api/read-result';
import {
  EVENTS_CLOSE,
  SCREEN_HEADER,
  SCREEN_PATH,
  ScreenOpened,
  type EventsHello,
} from '../../../shared/api/screen-link';

/**
 * The console host runs on this machine, so a retry costs next to nothing: after a crash
 * the launcher restarts it within seconds, and the operator should not wait long after that.
 */
const MAX_RETRY_MS = 2000;

export function createBrowserClient(key: string): ConsoleClient {
  const hub = createEventHub();
  const linkListeners = new Set<(link: BackendLink) => void>();
  let link: BackendLink = 'connecting';
  let socket: WebSocket | undefined;
  let retryMs = 500;
  let screen: Promise<ApiResult<string>> | undefined;

  const setLink = (next: BackendLink): void => {
    if (next === link) return;
    link = next;
    for (const l of linkListeners) l(link);
  };

  async function post(path: string, headers: Record<string, string>, body: string) {
    let response: Response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers },
        body,
      });
    } catch {
      return fail('api.unreachable', 'The console backend cannot be reached.');
    }
    try {
      return { ok: true as const, value: (await response.json()) as unknown };
    } catch {
      return fail(
        'api.unreachable',
        `The console backend answered HTTP ${response.status} without a result.`,
      );
    }
  }

  /** This page's screen, opened on first use; an error while the host refuses or is away. */
  function currentScreen(): Promise<ApiResult<string>> {
    screen ??= post(SCREEN_PATH, {}, '{}').then((answer): ApiResult<string> => {
      if (answer.ok) {
        const envelope = (answer.value ?? {}) as { ok?: unknown; value?: unknown; error?: unknown };
        const opened = ScreenOpened.safeParse(envelope.value);
        if (envelope.ok === true && opened.success) return { ok: true, value: opened.data.screen };
      }
      screen = undefined; // ask again on the next call or reconnect
      if (!answer.ok) return answer;
      const refused = ApiError.safeParse((answer.value as { error?: unknown } | null)?.error);
      return refused.success
        ? { ok: false, error: refused.data }
        : fail('api.unreachable', 'The console backend did not open a screen for this page.');
    });
    return screen;
  }

  /** Forgets `opened` if it is still this page's screen: the next use opens a new one. */
  function forget(opened: Promise<ApiResult<string>>): void {
    if (screen === opened) screen = undefined;
  }

  async function call(channel: Channel, args: unknown): Promise<ApiResult<unknown>> {
    const opened = currentScreen();
    const screenId = await opened;
    if (!screenId.ok) return screenId;
    const id = screenId.value;
    const answer = await post(
      `/api/call/${channel}`,
      { [SCREEN_HEADER]: id },
      JSON.stringify(args),
    );
    if (!answer.ok) return answer;
    const result = readResult(channel, answer.value);
    // The host no longer knows this screen (it restarted): the next call opens a new,
    // signed-out one, and the event socket reconnects to it so the page shows the sign-in.
    if (!result.ok && result.error.code === 'auth.no_screen' && screen === opened) {
      forget(opened);
      socket?.close();
    }
    return result;
  }

  function reconnect(): void {
    setLink('down');
    setTimeout(connectEvents, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  function connectEvents(): void {
    socket = undefined;
    const opened = currentScreen();
    void opened.then((screenId) => {
      if (!screenId.ok) {
        if (screenId.error.code === 'auth.missing_key') setLink('unauthorized');
        else reconnect();
        return;
      }
      const id = screenId.value;
      const ws = new WebSocket(
        `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`,
      );
      socket = ws;
      ws.onopen = () =>
        ws.send(JSON.stringify({ type: 'auth', key, screen: id } satisfies EventsHello));
      ws.onmessage = (message) => {
        retryMs = 500;
        setLink('up');
        try {
          hub.deliver(JSON.parse(String(message.data)));
        } catch {
          // not JSON: ignored, like any message outside the contract
        }
      };
      ws.onclose = (event) => {
        if (socket !== ws) return;
        if (event.code === EVENTS_CLOSE.unauthorized) {
          setLink('unauthorized');
          return;
        }
        if (event.code === EVENTS_CLOSE.noScreen) {
          // The host is back but has ended this screen (it restarted): open a new,
          // signed-out screen at once rather than after the outage's back-off.
          forget(opened);
          retryMs = 100;
        }
        reconnect();
      };
    });
  }
  connectEvents();

  return {
    ...methodsFor(call),
    subscribe: hub.subscribe,
    onBackendLink(listener) {
      linkListeners.add(listener);
      listener(link);
      return () => linkListeners.delete(listener);
    },
  };
}
