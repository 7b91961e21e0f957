/**
 * `npm run hub -- backup FILE --data DIR` against a real hub process under a desk's
 * continuous write load: the copy passes SQLite's integrity check and holds every event the
 * hub acknowledged before the backup began; an existing file is kept unless --force. A
 * PostgreSQL record's backup is left to PostgreSQL's tools, and the command says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  randomToken,
  runTs,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../support/processes';

const deskToken = randomToken();
const actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
let dir: string;
let hubDir: string;
let hub: HubProc;
let desk: Socket;

beforeAll(async () => {
  dir = tempDir();
  hubDir = path.join(dir, 'hub');
  hub = await startHub(
    hubDir,
    writeTokens(dir, [{ token: deskToken, kind: 'desk', id: 'desk-1' }]),
  );
  desk = io(`${hub.url}/desk`, { auth: { token: deskToken }, transports: ['websocket'] });
  await new Promise<void>((resolve) => desk.once('connect', () => resolve()));
});
afterAll(async () => {
  desk?.close();
  await hub?.stop();
});

const backup = (...args: string[]) => runTs('hub/main.ts', ['backup', ...args]);

/** A desk streaming cases and dispatches, 16 in flight, until stopped; records each acked id. */
function writeLoad() {
  const acked: string[] = [];
  let running = true;
  const worker = async () => {
    while (running) {
      const caseId = uuidv7();
      const up = (await desk.timeout(10_000).emitWithAck('case.upsert', {
        changeId: uuidv7(),
        caseId,
        baseSeq: 0,
        fields: { categoryId: 'pohon-tumbang', description: `Pohon tumbang ${acked.length}` },
        actor,
      })) as { ok: boolean };
      if (!up.ok) throw new Error('upsert refused');
      const dispatchId = uuidv7();
      const d = (await desk
        .timeout(10_000)
        .emitWithAck('dispatch', { dispatchId, caseId, opdId: 'dlh', actor })) as { ok: boolean };
      if (!d.ok) throw new Error('dispatch refused');
      acked.push(dispatchId);
    }
  };
  const workers = Array.from({ length: 16 }, worker);
  return {
    acked,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

describe('hub backup', () => {
  it('copies the store while the hub serves writes, with everything acknowledged before it began', async () => {
    const load = writeLoad();
    await expect.poll(() => load.acked.length, { timeout: 20_000 }).toBeGreaterThan(300);
    const before = [...load.acked];
    const file = path.join(dir, 'copy.db');
    const proc = backup(file, '--data', hubDir);
    const code = await proc.exited();
    const during = load.acked.length;
    await load.stop();
    expect(code, proc.output()).toBe(0);
    expect(proc.output()).toMatch(
      /hub backup: wrote .*copy\.db \(\d+ bytes, \d+ events up to seq \d+/,
    );
    expect(during).toBeGreaterThan(before.length); // the hub kept acknowledging meanwhile

    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(
        (copy.prepare('SELECT id FROM dispatches').all() as { id: string }[]).map((r) => r.id),
      );
      expect(before.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      copy.close();
    }
  });

  it('keeps an existing file unless --force, and says why', async () => {
    const file = path.join(dir, 'existing.db');
    fs.writeFileSync(file, 'keep me');
    const refused = backup(file, '--data', hubDir);
    expect(await refused.exited()).not.toBe(0);
    expect(refused.output()).toContain('already exists; add --force to replace it');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);

    const forced = backup(file, '--data', hubDir, '--force');
    expect(await forced.exited(), forced.output()).toBe(0);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('fails with a clear message when there is no hub store or no --data', async () => {
    const missing = backup(path.join(dir, 'x.db'), '--data', path.join(dir, 'nowhere'));
    expect(await missing.exited()).not.toBe(0);
    expect(missing.output()).toContain('no hub store at');
    const noData = backup(path.join(dir, 'x.db'));
    expect(await noData.exited()).not.toBe(0);
    expect(noData.output()).toContain('--data DIR');
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
  });

  it("sends a PostgreSQL record's backup to PostgreSQL's own tools, copying nothing", async () => {
    const file = path.join(dir, 'pg.db');
    const url = 'postgres://sigap@db.center.example/sigap';
    for (const args of [
      [file, '--store', url],
      [file, '--store', url, '--data', hubDir],
    ]) {
      const proc = backup(...args);
      expect(await proc.exited(), proc.output()).toBe(2);
      expect(proc.output()).toContain(
        "hub backup: a PostgreSQL record is backed up with PostgreSQL's own tools",
      );
      expect(proc.output()).toMatch(/pg_dump.*base backup.*WAL archiving.*docs\/DEPLOY\.md/);
      expect(fs.existsSync(file)).toBe(false);
    }
  });
});
