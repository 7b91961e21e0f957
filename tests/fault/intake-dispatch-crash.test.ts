/**
 * Kill -9 between saving a call and sending it (Alt+K): the console host is SIGKILLed at
 * seeded random moments while calls are saved with their OPDs. After every restart each
 * case has all the dispatches it was saved with, each queued for the hub, or the case is
 * not there at all: no case the operator believed was sent sits unsent.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { callHost as api } from '../support/host-api';
import { startHost, tempDir, type HostProc } from '../support/processes';
import { faultRounds, faultSeed, replayHint } from '../support/fault-seed';

/** The OPD sets a fallen tree or a fire may be sent to. */
const ROUTES = [['dlh'], ['dlh', 'dishub'], ['damkar'], ['damkar', 'dinkes', 'dishub']];

interface Ack {
  callId: string;
  caseId: string;
  opds: string[];
}

async function signIn(host: HostProc, dataDir: string): Promise<void> {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  const op = accounts.find((a) => a.username === 'operator')!;
  const r = await api(host, 'auth.signIn', { username: op.username, password: op.password });
  expect(r.ok).toBe(true);
}

function checkStore(file: string, acks: readonly Ack[], hint: string): number {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const cases = db.prepare('SELECT id, description FROM cases').all() as Array<{
      id: string;
      description: string;
    }>;
    const dispatched = db.prepare<[string], { opd_id: string; id: string }>(
      'SELECT opd_id, id FROM dispatches WHERE case_id = ? ORDER BY created_at, id',
    );
    const queued = db.prepare<[string], { n: number }>(
      "SELECT count(*) AS n FROM outbox WHERE kind = 'dispatch' AND message_id = ?",
    );
    for (const c of cases) {
      // Each description names the OPDs it was sent to: "… → dlh,dishub".
      const wanted = c.description.split(' → ')[1]!.split(',');
      const rows = dispatched.all(c.id);
      expect(rows.map((r) => r.opd_id).sort(), `${hint}: dispatches of case ${c.id}`).toEqual(
        [...wanted].sort(),
      );
      for (const r of rows)
        expect(queued.get(r.id), `${hint}: outbox of ${r.id}`).toEqual({ n: 1 });
    }
    const find = db.prepare<[string], { case_id: string }>(
      'SELECT case_id FROM calls WHERE id = ?',
    );
    for (const ack of acks) {
      const call = find.get(ack.callId);
      expect(call?.case_id, `${hint}: acknowledged call ${ack.callId}`).toBe(ack.caseId);
      expect(
        dispatched
          .all(ack.caseId)
          .map((r) => r.opd_id)
          .sort(),
      ).toEqual([...ack.opds].sort());
    }
    return cases.length;
  } finally {
    db.close();
  }
}

describe('kill -9 between save and dispatch', () => {
  it('leaves every case with all its dispatches or leaves no case', async () => {
    const { seed, random } = faultSeed('intake-dispatch-crash');
    const hint = replayHint('intake-dispatch-crash', seed);
    const rounds = faultRounds(5);
    const dataDir = tempDir('sigap-fault-');
    const file = path.join(dataDir, 'console', 'console.db');
    const acks: Ack[] = [];
    let attempted = 0;
    let stored = 0;

    for (let round = 0; round < rounds; round++) {
      const host = await startHost({ dataDir });
      await signIn(host, dataDir);
      let alive = true;
      const worker = async (w: number) => {
        for (let i = 0; alive; i++) {
          const opds = ROUTES[random.int(0, ROUTES.length - 1)]!;
          const callId = uuidv7();
          attempted++;
          let r: Awaited<ReturnType<typeof api>>;
          try {
            r = await api(host, 'intake.save', {
              callId,
              startedAt: Date.now() - 30_000,
              form: {
                callerNumber: `0812${String(random.int(10_000_000, 99_999_999))}`,
                withheld: false,
                callerName: '',
                anonim: false,
                rahasia: false,
                categoryId: 'pohon-tumbang',
                urgency: 'darurat',
                description: `round ${round} worker ${w} call ${i} → ${opds.join(',')}`,
                kecamatanId: 'taman',
                kelurahanId: 'kejuron',
                address: 'Jl. Pahlawan',
                landmark: '',
                lat: null,
                lng: null,
              },
              dispatchTo: opds,
            });
          } catch (error) {
            if (alive) throw error;
            return; // the host died mid-request: this save was never acknowledged
          }
          if (!r.ok) throw new Error(`${hint}: save refused: ${JSON.stringify(r.error)}`);
          acks.push({ callId, caseId: (r.value as { caseId: string }).caseId, opds });
        }
      };
      const workers = Array.from({ length: 4 }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, random.int(30, 600)));
      alive = false;
      await host.stop('SIGKILL');
      await Promise.all(workers);
      stored = checkStore(file, acks, hint);
    }

    expect(acks.length).toBeGreaterThan(0);
    process.stdout.write(
      `intake-dispatch-crash: ${rounds} kills, ${attempted} saves attempted, ${acks.length} acknowledged, ${stored} cases checked\n`,
    );
  }, 600_000);
});
