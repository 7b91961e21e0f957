/**
 * `npm run seed -- --cases N [--seed S] [--days D]`: fills this desk's local store
 * (SIGAP_DATA_DIR) with N realistic synthetic cases plus the screened-out calls around
 * them, for demos and benchmarks.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../electron/core/config';
import { ensureDemoAccounts } from '../electron/core/auth/demo-accounts';
import { bulkInsert } from '../electron/core/seed/bulk-insert';
import { seededRandom } from '../electron/core/seed/random';
import { syntheticCalls } from '../electron/core/seed/synthetic';
import { storePath } from '../electron/core/core';
import { openStore } from '../electron/core/store/database';
import { loadDefaultReference, readReference } from '../electron/core/store/reference';
import { repoRoot } from '../electron/launch/paths';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, seed: { type: 'string' }, days: { type: 'string' } },
  });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1 || cases > 5_000_000) {
    process.stderr.write(
      'usage: npm run seed -- --cases N [--seed S] [--days D]   (N from 1 to 5,000,000)\n',
    );
    process.exit(2);
  }
  const seed = Number(values.seed ?? Date.now() % 2 ** 31);
  const days = Number(values.days ?? 90);
  const settings = readSettings();
  const db = openStore(storePath(settings.dataDir));
  loadDefaultReference(db, path.join(repoRoot, 'resources', 'data'));
  await ensureDemoAccounts(db, settings.dataDir, Date.now());
  const operator = db
    .prepare("SELECT id FROM operators WHERE role = 'operator' ORDER BY created_at LIMIT 1")
    .get() as { id: string };
  const started = Date.now();
  const calls = syntheticCalls(seededRandom(seed), readReference(db), {
    cases,
    endAt: Date.now(),
    spanDays: days,
  });
  bulkInsert(db, calls, operator.id, settings.deskId);
  db.close();
  process.stdout.write(
    `seeded ${cases} cases and ${calls.length - cases} screened-out calls over ${days} days into ` +
      `${storePath(settings.dataDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`seed: ${(error as Error).message}\n`);
  process.exit(1);
});
