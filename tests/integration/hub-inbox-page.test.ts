/**
 * The hub serves the OPD inbox page over its own http server, beside socket.io: with a
 * strict CSP and no-sniff, never caching the page itself, and nothing outside the bundle
 * (no traversal, no symlink out, no directory listing). Real hub process, raw requests.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { io } from 'socket.io-client';
import { ensureInboxBuilt } from '../../hub/inbox-build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  randomToken,
  repoRoot,
  runTs,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../support/processes';

const opd = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const SECRET = 'tokens-and-other-secrets';

let dir: string;
let tokens: string;
let hub: HubProc;
const hubs: HubProc[] = [];

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path goes on the wire exactly as written (no URL normalizing). */
function request(port: number, rawPath: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = tempDir();
  tokens = writeTokens(dir, [opd]);
  // A bundle with a secret beside it (outside) and a symlink that points at the secret.
  const bundle = path.join(dir, 'bundle');
  fs.mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>inbox</title>');
  fs.writeFileSync(path.join(bundle, 'assets', 'app-1234.js'), 'console.log("inbox")');
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(bundle, 'assets', 'link.js'));
  hub = await startHub(path.join(dir, 'data'), tokens, 0, ['--inbox', bundle]);
  hubs.push(hub);
});
afterAll(async () => {
  for (const h of hubs) await h.stop();
});

describe('the hub serves the OPD inbox page', () => {
  it('serves the page at / with a strict CSP, no-sniff and no caching', async () => {
    const r = await request(hub.port, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>inbox</title>');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const csp = r.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${hub.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('serves the bundle assets, cacheable, with their content type', async () => {
    const r = await request(hub.port, '/assets/app-1234.js?v=1');
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("inbox")');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['cache-control']).toContain('immutable');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers 404 for anything outside the bundle, however the path is spelled', async () => {
    for (const p of [
      '/nope.js',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%00.js',
      '/%E0%A4%A',
      '/assets/link.js',
      '/assets/',
      '/assets',
    ]) {
      const r = await request(hub.port, p);
      expect({ path: p, status: r.status }).toEqual({ path: p, status: 404 });
      expect(r.body).not.toContain(SECRET);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await request(hub.port, '/', 'POST')).status).toBe(405);
    expect((await request(hub.port, '/', 'DELETE')).status).toBe(405);
    const head = await request(hub.port, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('keeps socket.io on /socket.io/ of the same port', async () => {
    const socket = io(`${hub.url}/opd`, { auth: { token: opd.token }, transports: ['polling'] });
    try {
      const hello = (await socket.timeout(5000).emitWithAck('hello', {})) as {
        identity: object;
      };
      expect(hello.identity).toEqual({ kind: 'opd', id: 'dlh', person: 'Sari' });
    } finally {
      socket.close();
    }
    expect((await request(hub.port, '/socket.io/socket.io.js')).body).not.toContain('io(');
  });

  it('serves the built page by default (out/inbox), whose script the CSP allows', async () => {
    const plain = await startHub(path.join(dir, 'data2'), tokens);
    hubs.push(plain);
    const page = await request(plain.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
    const src = /<script[^>]*src="([^"]+)"/.exec(page.body)?.[1];
    expect(src).toMatch(/^\/assets\/.+\.js$/);
    const script = await request(plain.port, src!);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(fs.existsSync(path.join(repoRoot, 'out', 'inbox', 'index.html'))).toBe(true);
  });

  it('stops on SIGTERM although a browser holds an idle socket to the page server', async () => {
    const h = await startHub(path.join(dir, 'data4'), tokens);
    hubs.push(h);
    // What a browser's preconnect looks like: connected, no request yet.
    const idle = net.connect(h.port, '127.0.0.1');
    idle.on('error', () => {});
    await new Promise((resolve) => idle.once('connect', resolve));
    try {
      const code = await Promise.race([
        h.stop(),
        new Promise((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000)),
      ]);
      expect(code).toBe(0);
    } finally {
      idle.destroy();
    }
  });

  it('builds the page where it is missing, as a hub on a fresh clone does', async () => {
    const out = path.join(dir, 'fresh-clone', 'out', 'inbox');
    const said: string[] = [];
    await ensureInboxBuilt(repoRoot, out, (line) => said.push(line));
    expect(said).toEqual([`building the OPD inbox page into ${out}…`]);
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const src = /<script[^>]*src="\/([^"]+)"/.exec(html)?.[1];
    expect(fs.existsSync(path.join(out, src!))).toBe(true);
    // Only the finished bundle is left: no staging folder beside it.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['inbox']);
    // Built already: nothing to do, nothing said.
    await ensureInboxBuilt(repoRoot, out, (line) => said.push(line));
    expect(said).toHaveLength(1);
  }, 120_000);

  it('refuses to start with an --inbox folder that holds no page, saying so', async () => {
    const proc = runTs('hub/main.ts', [
      '--port',
      '0',
      '--data',
      path.join(dir, 'data3'),
      '--tokens',
      tokens,
      '--inbox',
      path.join(dir, 'nothing-here'),
    ]);
    expect(await proc.exited()).toBe(2);
    expect(proc.output()).toContain('has no index.html');
  });
});
