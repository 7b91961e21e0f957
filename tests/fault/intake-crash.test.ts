/**
 * Kill -9 while saving: the console host (core + store) is SIGKILLed at seeded random
 * moments while calls are saved in bursts. After every restart each call the operator was
 * told was saved is present and complete, and no half-written rows exist anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { callHost as api, valueOf } from '../support/host-api';
import { startHost, tempDir, type HostProc } from '../support/processes';
import { faultRounds, faultSeed } from '../support/fault-seed';

interface Ack {
  callId: string;
  caseId: string;
  description: string;
  number: string | null;
}

async function signIn(host: HostProc, dataDir: string): Promise<void> {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'),
  ) as {
    accounts: Array<{ username: string; password: string }>;
  };
  const op = accounts.find((a) => a.username === 'operator')!;
  const r = await api(host, 'auth.signIn', { username: op.username, password: op.password });
  expect(r.ok).toBe(true);
}

function checkStore(file: string, acks: readonly Ack[]): void {
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.exec("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')");
    // Complete or absent: no case without its call and first timeline entry, no case call without its case.
    expect(
      db
        .prepare(
          'SELECT count(*) AS n FROM cases WHERE id NOT IN (SELECT case_id FROM calls WHERE case_id IS NOT NULL)',
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM cases WHERE id NOT IN (SELECT case_id FROM case_timeline WHERE kind = 'created')",
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM calls WHERE disposition = 'case' AND case_id NOT IN (SELECT id FROM cases)",
        )
        .get(),
    ).toEqual({ n: 0 });
    // Every case saved is also queued for the hub, in the same commit.
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'case.upsert'").get()).toEqual(
      db.prepare('SELECT count(*) AS n FROM cases').get(),
    );
    const callers = db
      .prepare(
        'SELECT count(DISTINCT caller_number) AS n FROM calls WHERE caller_number IS NOT NULL',
      )
      .get() as { n: number };
    expect(db.prepare('SELECT count(*) AS n FROM callers').get()).toEqual(callers);

    const find = db.prepare(
      `SELECT cases.id AS caseId, cases.description, calls.caller_number AS number
       FROM calls JOIN cases ON cases.id = calls.case_id WHERE calls.id = ?`,
    );
    for (const ack of acks) {
      expect(find.get(ack.callId), `acknowledged call ${ack.callId}`).toEqual({
        caseId: ack.caseId,
        description: ack.description,
        number: ack.number,
      });
    }
  } finally {
    db.close();
  }
}

describe('kill -9 during saves', () => {
  it('loses no acknowledged call and leaves no half-written rows', async () => {
    const { random } = faultSeed('intake-crash');
    const rounds = faultRounds(5);
    const dataDir = tempDir('sigap-fault-');
    const file = path.join(dataDir, 'console', 'console.db');
    const acks: Ack[] = [];
    let attempted = 0;

    for (let round = 0; round < rounds; round++) {
      const host = await startHost({ dataDir });
      await signIn(host, dataDir);
      let alive = true;
      const worker = async (w: number) => {
        for (let i = 0; alive; i++) {
          const withheld = random.chance(0.1);
          const number = withheld ? null : `+62812${String(random.int(10_000_000, 99_999_999))}`;
          const description = `round ${round} worker ${w} call ${i} — pohon tumbang`;
          const callId = uuidv7();
          attempted++;
          try {
            const r = await api(host, 'intake.save', {
              callId,
              startedAt: Date.now() - 30_000,
              form: {
                callerNumber: number ? `0${number.slice(3)}` : '',
                withheld,
                callerName: '',
                anonim: false,
                rahasia: false,
                categoryId: 'pohon-tumbang',
                urgency: 'darurat',
                description,
                kecamatanId: 'taman',
                kelurahanId: 'kejuron',
                address: 'Jl. Pahlawan',
                landmark: '',
                lat: null,
                lng: null,
              },
            });
            if (r.ok) {
              const { caseId } = r.value as { caseId: string };
              acks.push({ callId, caseId, description, number });
            }
          } catch {
            return; // the host died mid-request: this save was never acknowledged
          }
        }
      };
      const workers = Array.from({ length: 4 }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, random.int(30, 600)));
      alive = false;
      await host.stop('SIGKILL');
      await Promise.all(workers);
      checkStore(file, acks);
    }

    // A final clean start reads everything back through the console API too.
    const host = await startHost({ dataDir });
    await signIn(host, dataDir);
    const page = valueOf<{ total: number }>(
      'queue.list',
      await api(host, 'queue.list', { limit: 1 }),
    );
    expect(page.total).toBeGreaterThanOrEqual(acks.length);
    await host.stop();
    expect(acks.length).toBeGreaterThan(0);
    process.stdout.write(
      `intake-crash: ${rounds} kills, ${attempted} saves attempted, ${acks.length} acknowledged and verified\n`,
    );
  }, 600_000);
});
