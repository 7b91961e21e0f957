/**
 * screening.duplicates_p99_ms: duplicate suggestions through the console API (the same
 * channel the intake screen calls as it is filled in) over a store of 100,000 synthetic
 * cases spread over 90 days. The questions are what operators type about recent incidents:
 * category and kelurahan with the address and landmark in full, being typed (a word
 * start), or not yet typed; and a place alone. The CPU time of the same questions is
 * printed beside it, as information, since on a shared machine a question may wait for a core.
 */
import { v7 as uuidv7 } from 'uuid';
import { openCore, storePath } from '../electron/core/core';
import { openStore } from '../electron/core/store/database';
import { seededRandom } from '../electron/core/seed/random';
import type { DuplicateQuery } from '../shared/domain/duplicates';
import { createLogger } from '../shared/log';
import { oneScreen } from '../tests/support/one-screen';
import { percentile, round, type Figure } from './lib/figures';
import { resourcesDir, seededDataDir } from './lib/stores';

const QUESTIONS = 2000;
const WARMUP = 200;

interface Recent {
  category_id: string;
  kelurahan_id: string;
  address: string;
  landmark: string;
}

/** Questions about the incidents of the last two days, as an operator types them. */
function questions(dataDir: string): DuplicateQuery[] {
  const db = openStore(storePath(dataDir));
  const recent = db
    .prepare(
      'SELECT category_id, kelurahan_id, address, landmark FROM cases WHERE created_at >= ? ORDER BY seq',
    )
    .all(Date.now() - 2 * 86_400_000) as Recent[];
  db.close();
  if (recent.length === 0) throw new Error('the seeded store has no recent cases');
  const random = seededRandom(13);
  const pick = () => random.pick(recent);
  const start = (text: string) => text.slice(0, Math.max(4, Math.ceil(text.length / 2)));
  return Array.from({ length: QUESTIONS + WARMUP }, (_, i): DuplicateQuery => {
    const c = pick();
    const full = { categoryId: c.category_id, kelurahanId: c.kelurahan_id };
    switch (i % 4) {
      case 0:
        return { ...full, address: c.address, landmark: c.landmark };
      case 1:
        return { ...full, address: start(c.address), landmark: '' };
      case 2:
        return { ...full, address: '', landmark: '' };
      default:
        return { categoryId: '', kelurahanId: '', address: c.address, landmark: c.landmark };
    }
  });
}

export async function duplicatesBench(): Promise<Figure[]> {
  const { dataDir, accounts } = await seededDataDir(100_000);
  const asked = questions(dataDir);
  const core = openCore({
    dataDir,
    mode: 'browser',
    version: 'bench',
    log: createLogger('b', () => undefined),
    resourcesDir,
    deskId: `bench-${uuidv7()}`,
  });
  oneScreen(core);
  const op = accounts.find((a) => a.username === 'operator')!;
  await core.call('auth.signIn', { username: op.username, password: op.password });
  const times: number[] = [];
  const cpu: number[] = [];
  let suggested = 0;
  for (const [i, q] of asked.entries()) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await core.call('case.duplicates', q);
    const dt = performance.now() - t0;
    const used = process.cpuUsage(c0);
    if (!r.ok) throw new Error(r.error.message);
    if (i < WARMUP) continue;
    times.push(dt);
    cpu.push((used.user + used.system) / 1000);
    suggested += (r.value as { suggestions: unknown[] }).suggestions.length;
  }
  core.close();
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return [
    {
      name: 'screening.duplicates_p50_ms',
      value: round(percentile(times, 50), 3),
      unit: 'ms',
    },
    {
      name: 'screening.duplicates_p99_ms',
      value: round(percentile(times, 99), 3),
      unit: 'ms',
      target: '≤ 50',
    },
    // The same questions' CPU time: on a busy machine the wall-clock figure waits for a core.
    {
      name: 'screening.duplicates_cpu_p99_ms',
      value: round(percentile(cpu, 99), 3),
      unit: 'ms',
    },
    {
      name: 'screening.duplicates_per_question',
      value: round(suggested / QUESTIONS, 2),
      unit: 'cases',
    },
  ];
}
