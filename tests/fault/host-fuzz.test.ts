/**
 * A hostile page against the console host, a real process with its real store: seeded
 * calls to every channel of the console API with arguments made from the contract's own
 * schemas and then mutated, from a signed-out page, an operator's and a supervisor's, plus
 * raw HTTP oddities (wrong methods, bodies, headers, paths outside the page's files).
 * Every answer is JSON with a typed error code from the contract, never `internal`; every
 * refused call leaves the store as it was (row counts of every table, read on a second,
 * read-only connection); no file outside the console's page is ever served; and at the end
 * the host is the same process and still serves its page. Small in `npm test`; `npm run
 * test:soak` sends 5,000 calls with a fresh seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, contract, type Channel } from '../../shared/api/contract';
import { ErrorCode } from '../../shared/api/errors';
import { SCREEN_HEADER, SCREEN_PATH } from '../../shared/api/screen-link';
import type { Random } from '../../electron/core/seed/random';
import { storePath } from '../../electron/core/core';
import { faultSeed, faultSize, replayHint } from '../support/fault-seed';
import { mutate, sample, seededUuid, type FuzzWorld } from '../support/fuzz-payloads';
import { startHost, tempDir, type HostProc } from '../support/processes';

let host: HostProc | undefined;
let reader: Database.Database | undefined;
afterEach(async () => {
  reader?.close();
  await host?.stop();
});

interface Answer {
  status: number;
  body: unknown;
}

const ODD_CHANNELS = ['', '..', '__proto__', 'constructor', 'app.status/../x', 'x'.repeat(300)];
const ODD_PATHS = [
  '/../../../../etc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/assets/../../package.json',
  '/api/call',
  '/api/events',
  '/api/call/app.status?x=1',
  '/index.html%00.js',
  '//etc/passwd',
];

describe('console host under a hostile page', () => {
  it('answers every call with a typed error or its result, and refusals change nothing', async () => {
    const { seed, random: r } = faultSeed('host-fuzz', 5);
    const total = faultSize(300, 5_000);
    const dataDir = tempDir();
    host = await startHost({ dataDir });
    const pid = host.child.pid;
    const h = host;

    const post = async (
      route: string,
      body: string,
      headers: Record<string, string>,
      method = 'POST',
    ): Promise<Answer> => {
      const res = await fetch(`${h.origin}${route}`, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: checked below where JSON is owed
      }
      return { status: res.status, body: parsed };
    };
    const headersFor = (screen?: string): Record<string, string> => ({
      Authorization: `Bearer ${h.key}`,
      'Content-Type': 'application/json',
      ...(screen ? { [SCREEN_HEADER]: screen } : {}),
    });
    const openScreen = async (): Promise<string> => {
      const a = await post(SCREEN_PATH, '{}', headersFor());
      return (a.body as { value: { screen: string } }).value.screen;
    };
    const { accounts } = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'),
    ) as { accounts: Array<{ username: string; password: string }> };
    const signedIn = async (username: string): Promise<string> => {
      const screen = await openScreen();
      await signInOn(screen, username);
      return screen;
    };
    async function signInOn(screen: string, username: string): Promise<void> {
      const { password } = accounts.find((a) => a.username === username)!;
      const a = await post(
        '/api/call/auth.signIn',
        JSON.stringify({ username, password }),
        headersFor(screen),
      );
      expect(a.body).toMatchObject({ ok: true });
    }
    const screens = [await openScreen(), await signedIn('operator'), await signedIn('supervisor')];

    reader = new Database(storePath(dataDir), { readonly: true, fileMustExist: true });
    const tables = reader
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map((t) => t.name);
    const counts = (): Record<string, number> =>
      Object.fromEntries(
        tables.map((t) => [
          t,
          (reader!.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
        ]),
      );

    const world: FuzzWorld = {
      ids: [],
      applied: [],
      caseIds: [],
      dispatchIds: [],
      opdIds: ['dlh', 'dishub', 'nasa'],
      actors: [],
      lastSeq: 0,
      personTokens: [],
      usernames: accounts.map((a) => a.username),
      accountIds: [],
    };
    const tally = new Map<string, number>();
    const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);
    const codes = new Set<string>(ErrorCode.options);

    let step = 0;
    let what = '';
    try {
      for (step = 0; step < total; step++) {
        const before = counts();
        if (r.chance(0.1)) {
          what = 'an odd request';
          what = await oddRequest(r, h, post, headersFor(r.pick(screens)));
          count('odd');
          expect(counts(), `${what} changed the store`).toEqual(before);
          continue;
        }
        const channel: Channel | string = r.chance(0.05) ? r.pick(ODD_CHANNELS) : r.pick(channels);
        const known = Object.hasOwn(contract, channel);
        let args: unknown = known ? sample(contract[channel as Channel].args, r, world) : { x: 1 };
        if (r.chance(0.5)) args = mutate(args, r, []);
        const screen = r.weighted([
          [screens[0]!, 1],
          [screens[1]!, 3],
          [screens[2]!, 3],
          [undefined, 1],
        ] as const);
        what = `${channel} as screen ${screens.indexOf(screen ?? '')}`;
        const body = JSON.stringify(args) ?? 'null';
        const a = await post(`/api/call/${channel}`, body, headersFor(screen));
        // A page may sign its own person out or in as someone else: sign them back in, so
        // that later calls keep reaching past the session check.
        const person = screen ? screens.indexOf(screen) : 0;
        if (person > 0 && (channel === 'auth.signOut' || channel === 'auth.signIn'))
          await signInOn(screen!, person === 1 ? 'operator' : 'supervisor');
        expect(a.status, `${what}: a server error`).toBeLessThan(500);
        const answer = a.body as { ok?: unknown; error?: { code?: unknown } };
        expect(typeof answer === 'object' && answer !== null, `${what}: not JSON`).toBe(true);
        if (answer.ok === true) {
          count('ok');
          const value = (answer as { value?: { caseId?: unknown } }).value;
          if (typeof value?.caseId === 'string') world.caseIds.push(value.caseId);
          continue;
        }
        const code = String(answer.error?.code);
        count(code);
        expect(codes.has(code), `${what}: untyped error ${code}`).toBe(true);
        expect(code, `${what}: ${JSON.stringify(answer)}`).not.toBe('internal');
        expect(counts(), `${what} was refused but changed the store`).toEqual(before);
      }
    } catch (error) {
      process.stdout.write(`host-fuzz: step ${step}, ${what}\n${replayHint('host-fuzz', seed)}\n`);
      throw error;
    }

    expect(host.child.exitCode).toBeNull();
    expect(host.child.pid).toBe(pid);
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    process.stdout.write(
      `host-fuzz: ${total} calls, ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}\n`,
    );
  }, 1_800_000);
});

/** One raw request the page's own code never sends; returns what it was, for messages. */
async function oddRequest(
  r: Random,
  h: HostProc,
  post: (
    route: string,
    body: string,
    headers: Record<string, string>,
    method?: string,
  ) => Promise<Answer>,
  headers: Record<string, string>,
): Promise<string> {
  const kind = r.int(0, 4);
  if (kind === 0) {
    // A path outside the page's files: never a file's content, never a server error.
    const p = r.pick(ODD_PATHS);
    const res = await fetch(`${h.origin}${p}`, {
      headers: { Authorization: headers.Authorization! },
    });
    const text = await res.text();
    expect(res.status, `GET ${p}`).toBeLessThan(500);
    expect(text, `GET ${p} served a file from outside the page`).not.toMatch(
      /root:x:0:0|"name": "sigap"/,
    );
    return `GET ${p}`;
  }
  const channel = r.pick(channels);
  if (kind === 1) {
    const method = r.pick(['GET', 'PUT', 'DELETE', 'PATCH']);
    const a = await post(`/api/call/${channel}`, '{}', headers, method);
    expect(a.status, `${method} ${channel}`).toBeLessThan(500);
    expect(a.status, `${method} ${channel} was served`).not.toBe(200);
    return `${method} ${channel}`;
  }
  if (kind === 2) {
    // (An empty body is a call without arguments, which a channel taking none accepts.)
    const body = r.pick(['{', 'null', '[]', '"x"', '1e999', '{"__proto__":{"ok":true}}']);
    const a = await post(`/api/call/${channel}`, body, headers);
    expect(a.status, `${channel} with body ${body}`).toBeLessThan(500);
    expect((a.body as { ok?: unknown }).ok, `${channel} with body ${body}`).not.toBe(true);
    return `${channel} with body ${body}`;
  }
  if (kind === 3) {
    // Another origin, no key, another key: refused before any handler runs.
    const variant = r.int(0, 2);
    const bad: Record<string, string> =
      variant === 0
        ? { ...headers, Origin: 'http://evil.example' }
        : variant === 1
          ? { 'Content-Type': 'application/json' }
          : { ...headers, Authorization: `Bearer ${seededUuid(r)}` };
    const a = await post(`/api/call/${channel}`, '{}', bad);
    expect(a.status, `${channel} from a stranger`).toBeGreaterThanOrEqual(400);
    expect(a.status, `${channel} from a stranger`).toBeLessThan(500);
    return `${channel} from a stranger (${variant})`;
  }
  // A body far over any channel's size.
  const a = await post(
    `/api/call/${channel}`,
    JSON.stringify({ x: 'x'.repeat(2_000_000) }),
    headers,
  );
  expect(a.status, `${channel} with 2 MB`).toBeLessThan(500);
  return `${channel} with 2 MB`;
}
