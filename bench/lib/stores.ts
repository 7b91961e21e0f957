/** Stores for benchmarks: a fresh one, or one seeded with N synthetic cases (cached per run). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDemoAccounts, type DemoAccount } from '../../electron/core/auth/demo-accounts';
import { storePath } from '../../electron/core/core';
import { bulkInsert } from '../../electron/core/seed/bulk-insert';
import { seededRandom } from '../../electron/core/seed/random';
import { syntheticCalls } from '../../electron/core/seed/synthetic';
import { openStore } from '../../electron/core/store/database';
import { loadDefaultReference, readReference } from '../../electron/core/store/reference';
import { repoRoot } from '../../electron/launch/paths';

export const resourcesDir = path.join(repoRoot, 'resources', 'data');

const made: string[] = [];
// A run leaves no stores behind (the seeded 100,000-case store alone is tens of MB).
process.once('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** `dir`, deleted when the benchmark run ends. */
export function removedAtExit(dir: string): string {
  made.push(dir);
  return dir;
}

export function tempDataDir(tag: string): string {
  return removedAtExit(fs.mkdtempSync(path.join(os.tmpdir(), `sigap-bench-${tag}-`)));
}

const seeded = new Map<number, { dataDir: string; accounts: DemoAccount[] }>();

/** A data dir whose store holds `cases` synthetic cases (seed 112), made once per run. */
export async function seededDataDir(
  cases: number,
): Promise<{ dataDir: string; accounts: DemoAccount[] }> {
  const cached = seeded.get(cases);
  if (cached) return cached;
  const dataDir = tempDataDir(`seed${cases}`);
  const db = openStore(storePath(dataDir));
  loadDefaultReference(db, resourcesDir);
  const accounts = (await ensureDemoAccounts(db, dataDir, Date.now()))!;
  const operator = db.prepare("SELECT id FROM operators WHERE username = 'operator'").get() as {
    id: string;
  };
  bulkInsert(
    db,
    syntheticCalls(seededRandom(112), readReference(db), {
      cases,
      endAt: Date.now(),
      spanDays: 90,
    }),
    operator.id,
    'desk-1',
  );
  db.exec('PRAGMA optimize');
  db.close();
  const result = { dataDir, accounts };
  seeded.set(cases, result);
  return result;
}
