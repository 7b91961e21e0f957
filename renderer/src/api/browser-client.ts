/**
 * ConsoleClient over the browser host: calls as POST /api/call/<channel>, events over one
 * WebSocket that reconnects on its own. Everything the host sends back is validated against
 * the contract before the UI sees it.
 */
import type { BackendLink, ConsoleClient, ConsoleMethods } from '../../../shared/api/client';
import { channels, contract, events, type EventName } from '../../../shared/api/contract';
import { ApiError, fail, type ApiResult } from '../../../shared/api/errors';

type Listener = (payload: unknown) => void;

export function createBrowserClient(key: string): ConsoleClient {
  const listeners = new Map<EventName, Set<Listener>>();
  const linkListeners = new Set<(link: BackendLink) => void>();
  let link: BackendLink = 'connecting';
  let socket: WebSocket | undefined;
  let retryMs = 500;

  const setLink = (next: BackendLink): void => {
    if (next === link) return;
    link = next;
    for (const l of linkListeners) l(link);
  };

  async function call(channel: keyof typeof contract, args: unknown): Promise<ApiResult<unknown>> {
    let response: Response;
    try {
      response = await fetch(`/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
    } catch {
      return fail('api.unreachable', 'The console backend cannot be reached.');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return fail(
        'api.unreachable',
        `The console backend answered HTTP ${response.status} without a result.`,
      );
    }
    const envelope = body as { ok?: unknown; value?: unknown; error?: unknown };
    if (envelope.ok === true) {
      const value = contract[channel].result.safeParse(envelope.value);
      return value.success
        ? { ok: true, value: value.data }
        : fail('internal', 'The console backend sent a malformed result.');
    }
    const error = ApiError.safeParse(envelope.error);
    return error.success
      ? { ok: false, error: error.data }
      : fail('internal', 'The console backend sent a malformed error.');
  }

  function connectEvents(): void {
    const ws = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`,
    );
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', key }));
    ws.onmessage = (message) => {
      retryMs = 500;
      setLink('up');
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(String(message.data)) as typeof parsed;
      } catch {
        return;
      }
      const name = parsed.event as EventName;
      if (!Object.hasOwn(events, name)) return;
      const payload = events[name].safeParse(parsed.payload);
      if (!payload.success) return;
      for (const l of listeners.get(name) ?? []) l(payload.data);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      if (event.code === 4401) {
        setLink('unauthorized');
        return;
      }
      setLink('down');
      setTimeout(connectEvents, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connectEvents();

  const methods = Object.fromEntries(
    channels.map((channel) => [channel, (args: unknown) => call(channel, args)]),
  ) as unknown as ConsoleMethods;

  return {
    ...methods,
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    onBackendLink(listener) {
      linkListeners.add(listener);
      listener(link);
      return () => linkListeners.delete(listener);
    },
  };
}
