/**
 * The app:// protocol: serves the built renderer (out/renderer) to the console window with
 * the strict CSP, and nothing outside that folder. Loading the page this way instead of
 * file:// gives it a real origin to check IPC senders against and keeps file:// privileges
 * (and the GrantFileProtocolExtraPrivileges fuse) out of the picture.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from './csp';
import { CONTENT_TYPES } from '../../shared/content-types';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin (app://sigap) for CSP 'self' and sender checks;
      // secure: treated like https; corsEnabled + supportFetchAPI: the bundle's
      // `<script type="module" crossorigin>` loads are CORS-mode requests.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Maps an app:// request to a file inside `rendererDir`, or undefined when it is not one. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${path.posix.normalize(wanted)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

export function createAppRequestHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'read only');
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return plain(404, 'not found');
    let body: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return plain(404, 'not found');
      body = await fs.readFile(file);
    } catch {
      return plain(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        // An update replaces the files under the same names; never serve a stale page.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Binds app:// for the default session (after `ready`). */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
