/**
 * The browser host: serves the built renderer and binds the console API over loopback.
 * A page opens its screen with `POST /api/screen`; calls are `POST /api/call/<channel>` with
 * a JSON body, `Authorization: Bearer <key>` and the screen in `X-Sigap-Screen`, answered as
 * that screen's person (see screens.ts); events arrive on the WebSocket `/api/events` after
 * the page sends the key and its screen. Bound to 127.0.0.1 only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { fail, type ApiResult, type ErrorCode } from '../../shared/api/errors';
import {
  EVENTS_CLOSE,
  EventsHello,
  SCREEN_HEADER,
  SCREEN_PATH,
} from '../../shared/api/screen-link';
import type { Logger } from '../../shared/log';
import type { Core } from '../core/core';
import { allowedHosts, allowedOrigins, bearer, newKey, sameKey, securityHeaders } from './security';
import { createScreens, PAGE_GONE } from './screens';
import { serveStatic } from './static-files';

export interface HostOptions {
  core: Core;
  staticDir: string;
  log: Logger;
  port?: number;
  key?: string;
}

export interface RunningHost {
  port: number;
  key: string;
  origin: string;
  /** The address to open, with the key in the fragment (never sent over the wire). */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;
const AUTH_TIMEOUT_MS = 3000;

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  'api.bad_request': 400,
  'api.invalid_args': 400,
  'api.unknown_channel': 404,
  'auth.missing_key': 401,
  'auth.no_screen': 401,
  internal: 500,
};

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { core, log } = options;
  const key = options.key ?? newKey();
  let port = 0;
  let headers: Record<string, string> = {};
  const screens = createScreens(core);
  const sweeper = setInterval(() => screens.sweep(), 15_000);
  sweeper.unref();

  const send = (res: http.ServerResponse, result: ApiResult<unknown>): void => {
    const status = result.ok ? 200 : (STATUS_OF[result.error.code] ?? 422);
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify(result));
  };

  const server = http.createServer((req, res) => {
    if (!allowedHosts(port).has(req.headers.host ?? '')) {
      res.writeHead(421, headers);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname).catch((error: unknown) => {
        log.error('api request failed', { error: String(error) });
        if (!res.headersSent) send(res, fail('internal', 'Sigap hit an internal error.'));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers);
      res.end();
      return;
    }
    serveStatic(options.staticDir, url.pathname, res, headers);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const match = /^\/api\/call\/([A-Za-z0-9._-]{1,80})$/.exec(pathname);
    const opening = pathname === SCREEN_PATH;
    const channel = match?.[1];
    if (req.method !== 'POST' || (!channel && !opening)) {
      return send(res, fail('api.bad_request', 'Console API calls are POST /api/call/<channel>.'));
    }
    const origin = req.headers.origin;
    if (!sameKey(key, bearer(req)) || (origin !== undefined && !allowedOrigins(port).has(origin))) {
      return send(
        res,
        fail(
          'auth.missing_key',
          'This console session is not authorised; open Sigap from the address it printed.',
        ),
      );
    }
    if (opening || !channel) {
      req.resume();
      return send(res, { ok: true, value: { screen: screens.open() } });
    }
    const screenHeader = req.headers[SCREEN_HEADER];
    const session = screens.session(typeof screenHeader === 'string' ? screenHeader : undefined);
    if (!session) {
      req.resume();
      return send(
        res,
        fail(
          'auth.no_screen',
          'This page has no screen on the console (it restarted, or the page was away too long); sign in again.',
        ),
      );
    }
    const body = await readBody(req);
    if (body === undefined) {
      return send(
        res,
        fail('api.bad_request', `Request body is larger than ${MAX_BODY_BYTES} bytes.`),
      );
    }
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return send(res, fail('api.bad_request', 'Request body is not valid JSON.'));
    }
    send(res, await session.call(channel, args));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const ok =
      allowedHosts(port).has(req.headers.host ?? '') &&
      allowedOrigins(port).has(req.headers.origin ?? '') &&
      req.url === '/api/events';
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => acceptEvents(ws));
  });

  function acceptEvents(ws: WebSocket): void {
    let unsubscribe: (() => void) | undefined;
    let screen: string | undefined;
    const timer = setTimeout(
      () => ws.close(EVENTS_CLOSE.unauthorized, 'auth.missing_key'),
      AUTH_TIMEOUT_MS,
    );
    ws.once('message', (data) => {
      clearTimeout(timer);
      let hello: EventsHello | undefined;
      try {
        const parsed = EventsHello.safeParse(JSON.parse(String(data)));
        if (parsed.success) hello = parsed.data;
      } catch {
        // fall through: refused below
      }
      if (!hello || !sameKey(key, hello.key)) {
        ws.close(EVENTS_CLOSE.unauthorized, 'auth.missing_key');
        return;
      }
      if (!screens.attach(hello.screen, ws)) {
        ws.close(EVENTS_CLOSE.noScreen, 'auth.no_screen');
        return;
      }
      screen = hello.screen;
      const session = screens.session(screen);
      unsubscribe = core.subscribe((event) => ws.send(JSON.stringify(event)));
      // A fresh snapshot, so a (re)connected page never shows stale state.
      void session?.call('app.status', {}).then((result) => {
        if (result.ok) ws.send(JSON.stringify({ event: 'app.status', payload: result.value }));
      });
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      unsubscribe?.();
      if (screen) screens.detach(screen, ws, code === PAGE_GONE);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  headers = securityHeaders(port);
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    key,
    origin,
    url: `${origin}/#key=${key}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        for (const client of wss.clients) client.terminate();
        screens.closeAll();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
