/**
 * The app:// protocol and the page's CSP, with Electron mocked: the scheme is registered
 * as a secure standard origin, every response carries the strict CSP, and nothing outside
 * the built renderer can be read through it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const protocol = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }));
vi.mock('electron', () => ({ protocol }));

const { createAppRequestHandler, registerAppScheme, resolveAppFile, serveAppProtocol } =
  await import('./protocol');
const { CONTENT_SECURITY_POLICY } = await import('./csp');

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Sigap</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
  handler = createAppRequestHandler(root);
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );

  it('allows only the bundle itself and no network, frames, plugins or inline code', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('app:// protocol', () => {
  it('registers app as a secure, standard scheme before ready and serves it after', () => {
    registerAppScheme();
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [
      [Array<{ scheme: string; privileges: Record<string, boolean> }>],
    ];
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(schemes[0]!.privileges).not.toHaveProperty('bypassCSP');
    serveAppProtocol(root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves the page with the strict CSP and nosniff', async () => {
    for (const url of ['app://sigap/', 'app://sigap/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<title>Sigap</title>');
    }
    const script = await handler(new Request('app://sigap/assets/app.js'));
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never reads outside the renderer folder, nor for another host or method', async () => {
    for (const url of [
      'app://sigap/../secret.txt',
      'app://sigap/%2e%2e/secret.txt',
      'app://sigap/..%2fsecret.txt',
      'app://sigap/assets/%00app.js',
      'app://sigap/missing.js',
      'app://other/index.html',
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    }
    // Dot segments are resolved against the folder's own root, never above it.
    expect(resolveAppFile(root, 'app://sigap/%2e%2e/secret.txt')).toBe(
      path.join(root, 'secret.txt'),
    );
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeUndefined();
    const post = await handler(new Request('app://sigap/index.html', { method: 'POST' }));
    expect(post.status).toBe(405);
  });
});
