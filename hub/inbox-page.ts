/**
 * Serves the built OPD inbox page (out/inbox) over the hub's own http(s) server, beside
 * socket.io (which answers /socket.io/ itself before this handler runs). Only files inside
 * the bundle are served; everything else is 404. The page runs no inline script and talks
 * only to this origin.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES } from '../shared/content-types';
import { contentSecurityPolicy, pageSecurityHeaders } from '../shared/csp';

/** The host[:port] forms a browser may send; anything else is left out of the CSP. */
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function inboxSecurityPolicy(host: string | undefined, tls: boolean): string {
  // 'self' covers same-origin ws/wss in current browsers; the explicit socket origin is
  // for those that read 'self' as http(s) only.
  const socket = host && HOST_HEADER.test(host) ? [`${tls ? 'wss' : 'ws'}://${host}`] : [];
  return contentSecurityPolicy({ connect: ['self', ...socket] });
}

export function inboxHeaders(req: http.IncomingMessage, tls: boolean): Record<string, string> {
  return pageSecurityHeaders(inboxSecurityPolicy(req.headers.host, tls), { denyFraming: true });
}

/** The file a request path names inside `root`, or undefined when it names none. */
export function resolveInboxFile(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const wanted = decoded === '/' ? '/index.html' : decoded;
  const file = path.resolve(root, `.${path.posix.normalize(wanted)}`);
  if (!file.startsWith(root + path.sep)) return undefined;
  try {
    // A symlink out of the bundle is not part of it.
    const real = fs.realpathSync(file);
    if (!real.startsWith(fs.realpathSync(root) + path.sep)) return undefined;
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function createInboxHandler(
  rootDir: string,
  tls: boolean,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const root = path.resolve(rootDir);
  return (req, res) => {
    const headers = inboxHeaders(req, tls);
    const plain = (status: number, text: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        ...headers,
        ...extra,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(405, 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const file = resolveInboxFile(root, pathname);
    if (!file) {
      plain(404, 'not found');
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      // Hashed assets may be cached; the page itself must be fresh after an update.
      'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  };
}
