/** Serves the built renderer from one folder, never a path outside it. */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES } from '../../shared/content-types';

export function serveStatic(
  root: string,
  pathname: string,
  res: http.ServerResponse,
  headers: Record<string, string>,
): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  const wanted = decoded === '/' ? '/index.html' : decoded;
  const file = path.resolve(root, `.${path.posix.normalize(wanted)}`);
  const inside = file === root || file.startsWith(root + path.sep);
  const ext = path.extname(file);
  if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    // Hashed assets may be cached; the page itself must always be fresh after an update.
    'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}
