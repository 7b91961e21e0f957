/**
 * A desk survives a newer hub: events of a type it does not know, or with fields it does
 * not know, appear in the middle of the hub's log (written into a real hub's store, as a
 * newer hub would write them). The desk passes over the unknown type (logged once), applies
 * what it knows of the rest, keeps its last seq moving and applies the events after them.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, storePath } from '../../electron/core/core';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import type { CaseDetail } from '../../shared/domain/queue';
import { createLogger } from '../../shared/log';
import { randomToken, repoRoot, startHub, tempDir, writeTokens } from '../support/processes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const desk2Actor = { id: 'desk-2', role: 'desk', person: 'Rina' } as const;
const fields = (description: string) => ({
  status: 'new',
  categoryId: 'pohon-tumbang',
  urgency: 'darurat',
  description,
  kecamatanId: 'taman',
  kelurahanId: 'kejuron',
  address: 'Jl. Pahlawan',
  landmark: '',
  lat: null,
  lng: null,
  anonim: false,
  rahasia: false,
  callerName: '',
  callerNumber: '+6281234567890',
});

async function upsert(socket: Socket, caseId: string, description: string): Promise<number> {
  const ack = (await socket.timeout(5000).emitWithAck('case.upsert', {
    changeId: uuidv7(),
    caseId,
    baseSeq: 0,
    fields: fields(description),
    actor: desk2Actor,
  })) as { ok: boolean; seq: number };
  expect(ack.ok).toBe(true);
  return ack.seq;
}

const detail = async (core: Core, caseId: string): Promise<CaseDetail | undefined> => {
  const r = await core.call('case.get', { caseId });
  return r.ok ? (r.value as CaseDetail) : undefined;
};

describe('a desk and a newer hub', () => {
  it('passes over events it cannot use and applies the ones after them', async () => {
    const dir = tempDir();
    const tokens = { desk1: randomToken(), desk2: randomToken() };
    const tokensFile = writeTokens(dir, [
      { token: tokens.desk1, kind: 'desk', id: 'desk-1' },
      { token: tokens.desk2, kind: 'desk', id: 'desk-2' },
    ]);
    const hubDir = path.join(dir, 'hub');
    const hub = await startHub(hubDir, tokensFile);
    cleanups.push(() => hub.stop());

    const lines: string[] = [];
    const deskDir = path.join(dir, 'desk-1');
    const core = openCore({
      dataDir: deskDir,
      mode: 'browser',
      version: 't',
      deskId: 'desk-1',
      log: createLogger('desk-1', (line) => lines.push(line)),
      resourcesDir: path.join(repoRoot, 'resources', 'data'),
      hubUrl: hub.url,
      hubToken: tokens.desk1,
    });
    cleanups.push(() => core.close());
    oneScreen(core);
    const op = (await core.ensureDemoAccounts())!.find((a) => a.username === 'operator')!;
    await core.call('auth.signIn', { username: op.username, password: op.password });
    const other = io(`${hub.url}/desk`, {
      auth: { token: tokens.desk2 },
      transports: ['websocket'],
    });
    cleanups.push(() => other.close());
    await new Promise<void>((resolve) => other.once('connect', resolve));

    // Before: desk 1 follows desk 2's case as usual.
    const first = uuidv7();
    await upsert(other, first, 'Pohon tumbang di depan pasar');
    await expect
      .poll(async () => (await detail(core, first))?.description)
      .toBe('Pohon tumbang di depan pasar');

    // A newer hub's events: two of a type this desk does not know, and a case change with
    // a field (and an envelope field) it does not know.
    const hubDb = new Database(path.join(hubDir, 'hub.db'));
    hubDb.pragma('busy_timeout = 5000');
    const write = hubDb.prepare('INSERT INTO events (at, type, case_id, body) VALUES (?, ?, ?, ?)');
    const inject = (body: Record<string, unknown> & { type: string }) =>
      write.run(body.at, body.type, first, JSON.stringify(body));
    const at = Date.now();
    const future = { type: 'case.escalated', at, actor: desk2Actor, caseId: first, level: 2 };
    inject(future);
    inject({ ...future, level: 3 });
    inject({
      type: 'case.changed',
      at,
      actor: desk2Actor,
      caseId: first,
      fields: { address: 'Jl. Pahlawan 12', floodDepthCm: 40 },
      region: 'jatim',
    });
    hubDb.close();

    // After: the next event reaches desk 1 past the gap they leave, so it syncs them.
    const second = uuidv7();
    const lastSeq = await upsert(other, second, 'Lampu jalan padam di Jl. Salak');
    await expect
      .poll(async () => (await detail(core, second))?.description)
      .toBe('Lampu jalan padam di Jl. Salak');
    expect((await detail(core, first))?.address).toBe('Jl. Pahlawan 12');

    const store = new Database(storePath(deskDir), { readonly: true });
    const applied = store.prepare('SELECT last_seq FROM sync_state').get() as { last_seq: number };
    store.close();
    expect(applied.last_seq).toBe(lastSeq);

    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.filter((l) => l.type === 'case.escalated')).toHaveLength(1);
    expect(logged.filter((l) => l.field === 'fields.floodDepthCm')).toHaveLength(1);
  });
});
