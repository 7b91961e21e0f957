/**
 * ConsoleClient over the browser host: calls as POST /api/call/<channel>, events over one
 * WebSocket that reconnects on its own. Everything the host sends back is validated against
 * the contract before the UI sees it.
 */
import type { BackendLink, ConsoleClient } from '../../../shared/api/client';
import { createEventHub, methodsFor } from '../../../shared/api/client-kit';
import type { Channel } from '../../../shared/api/contract';
import { fail, type ApiResult } from '../../../shared/api/errors';
import { readResult } from '../../../shared/api/read-result';

export function createBrowserClient(key: string): ConsoleClient {
  const hub = createEventHub();
  const linkListeners = new Set<(link: BackendLink) => void>();
  let link: BackendLink = 'connecting';
  let socket: WebSocket | undefined;
  let retryMs = 500;

  const setLink = (next: BackendLink): void => {
    if (next === link) return;
    link = next;
    for (const l of linkListeners) l(link);
  };

  async function call(channel: Channel, args: unknown): Promise<ApiResult<unknown>> {
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
    return readResult(channel, body);
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
      try {
        hub.deliver(JSON.parse(String(message.data)));
      } catch {
        // not JSON: ignored, like any message outside the contract
      }
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
