/**
 * The browser host as a real process with a real store and hub: it serves only callers
 * holding this run's key, answers bad calls with typed errors, and keeps serving.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { callHost, screenOf } from '../support/host-api';
import { startHost, tempDir, type HostProc } from '../support/processes';

let host: HostProc;
let dataDir: string;
let screen: string;

beforeAll(async () => {
  dataDir = tempDir();
  host = await startHost({ dataDir });
  screen = await screenOf(host);
});
afterAll(async () => {
  await host?.stop();
});

const call = (channel: string, body: string | object, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${host.key}`,
      'X-Sigap-Screen': screen,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function language(): Promise<string> {
  const res = await call('app.status', {});
  const body = (await res.json()) as { ok: boolean; value: { language: string } };
  expect(body.ok).toBe(true);
  return body.value.language;
}

describe('browser host', () => {
  it('answers app.status for the key holder', async () => {
    const res = await call('app.status', {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: { storePath: string } };
    expect(body).toMatchObject({
      ok: true,
      value: { mode: 'browser', language: 'id', hub: { state: 'not_configured' } },
    });
    expect(body.value.storePath).toContain(dataDir);
  });

  it('refuses a call without the key, or with another key', async () => {
    for (const auth of [{ Authorization: '' }, { Authorization: 'Bearer not-the-key' }]) {
      const res = await call('app.status', {}, auth);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'auth.missing_key' } });
    }
  });

  it('refuses a caller from another origin even with a key', async () => {
    const res = await call('app.status', {}, { Origin: 'http://evil.example' });
    expect(res.status).toBe(401);
  });

  it('answers malformed calls with typed errors, changes nothing, and keeps serving', async () => {
    const invalid = await call('app.setLanguage', { language: 'klingon' });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as {
      ok: false;
      error: { code: string; fields: Record<string, string> };
    };
    expect(body.error.code).toBe('api.invalid_args');
    expect(Object.keys(body.error.fields)).toEqual(['language']);

    const extra = await call('app.setLanguage', { language: 'en', admin: true });
    expect(await extra.json()).toMatchObject({ ok: false, error: { code: 'api.invalid_args' } });

    const notJson = await call('app.setLanguage', '{"language": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'api.bad_request' } });

    const unknown = await call('app.selfDestruct', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      ok: false,
      error: { code: 'api.unknown_channel' },
    });

    const huge = await call('app.setLanguage', { language: 'x'.repeat(400_000) });
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'api.bad_request' } });

    expect(await language()).toBe('id');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    // fetch() will not let a caller set Host, so speak HTTP directly as a rebinding page would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port: host.port,
            path: '/',
            headers: { Host: `attacker.example:${host.port}` },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        )
        .on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('serves the console page with a strict content security policy', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<div id="root">');
    const escape = await fetch(`${host.origin}/..%2f..%2fpackage.json`);
    expect(escape.status).toBe(404);
  });

  it('pushes events only after the key is presented, and only to its own origin', async () => {
    const wsUrl = `${host.origin.replace('http', 'ws')}/api/events`;

    const foreign = new WebSocket(wsUrl, { origin: 'http://evil.example' });
    const foreignError = await new Promise<string>((resolve) =>
      foreign.once('unexpected-response', (_req, res) => resolve(String(res.statusCode))),
    );
    expect(foreignError).toBe('403');

    const wrongKey = new WebSocket(wsUrl, { origin: host.origin });
    await new Promise((r) => wrongKey.once('open', r));
    wrongKey.send(JSON.stringify({ type: 'auth', key: 'guess', screen }));
    const closeCode = await new Promise<number>((resolve) =>
      wrongKey.once('close', (code) => resolve(code)),
    );
    expect(closeCode).toBe(4401);

    const ws = new WebSocket(wsUrl, { origin: host.origin });
    const messages: Array<{ event: string; payload: { language: string } }> = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'auth', key: host.key, screen }));
    await expect.poll(() => messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatchObject({ event: 'app.status', payload: { language: 'id' } });

    await call('app.setLanguage', { language: 'en' });
    await expect.poll(() => messages.at(-1)?.payload.language).toBe('en');
    ws.close();
    await call('app.setLanguage', { language: 'id' });
  });
});

describe('browser host screens', () => {
  const asScreen = (id: string | undefined, channel: string, args: object) =>
    call(channel, args, id === undefined ? { 'X-Sigap-Screen': '' } : { 'X-Sigap-Screen': id });
  const openScreen = async () => {
    const res = await fetch(`${host.origin}/api/screen`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.key}` },
    });
    return ((await res.json()) as { value: { screen: string } }).value.screen;
  };
  const who = async (id: string) => {
    const body = (await (await asScreen(id, 'auth.session', {})).json()) as {
      value: { operator: { username: string } | null };
    };
    return body.value.operator?.username ?? null;
  };

  it('answers each page as the person signed in on that page, and no other', async () => {
    const { accounts } = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'),
    ) as { accounts: Array<{ username: string; password: string }> };
    const password = (u: string) => accounts.find((a) => a.username === u)!.password;
    const [a, b] = [await openScreen(), await openScreen()];
    expect(a).not.toBe(b);
    await asScreen(a, 'auth.signIn', { username: 'operator', password: password('operator') });
    expect(await who(a)).toBe('operator');
    expect(await who(b)).toBeNull();
    await asScreen(b, 'auth.signIn', { username: 'supervisor', password: password('supervisor') });
    await asScreen(b, 'auth.signOut', {});
    expect(await who(a)).toBe('operator');
    expect(await who(b)).toBeNull();
    // The helper's own screen was never signed in.
    expect(await callHost(host, 'queue.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
  });

  it('refuses a call that names no screen, or one it never opened', async () => {
    for (const id of [undefined, 'x'.repeat(43)]) {
      const res = await asScreen(id, 'auth.session', {});
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'auth.no_screen' } });
    }
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api/events`, {
      origin: host.origin,
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'auth', key: host.key, screen: 'y'.repeat(43) }));
    expect(await new Promise<number>((r) => ws.once('close', (code) => r(code)))).toBe(4404);
  });

  it('signs a page out as soon as it goes away (tab closed or reloaded)', async () => {
    const { accounts } = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'),
    ) as { accounts: Array<{ username: string; password: string }> };
    const id = await openScreen();
    const op = accounts.find((a) => a.username === 'operator')!;
    await asScreen(id, 'auth.signIn', { username: op.username, password: op.password });
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api/events`, {
      origin: host.origin,
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'auth', key: host.key, screen: id }));
    await new Promise((r) => ws.once('message', r));
    expect(await who(id)).toBe('operator');
    ws.close(1001); // what a browser sends when the page unloads
    await expect
      .poll(
        async () => ((await (await asScreen(id, 'auth.session', {})).json()) as { ok: boolean }).ok,
        { timeout: 10_000 },
      )
      .toBe(false);
    expect(await (await asScreen(id, 'auth.session', {})).json()).toMatchObject({
      error: { code: 'auth.no_screen' },
    });
  });
});
