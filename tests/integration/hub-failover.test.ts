/**
 * A desk fails over between two hub nodes that share one PostgreSQL database: the desk is
 * given both addresses, works on node A, keeps working while node A is killed with SIGKILL
 * in the middle of its dispatches, moves to node B by itself and carries on there. In the
 * end every dispatch is stored once, the log's seq is gapless, and the desk's replica equals
 * the center's record (read from PostgreSQL).
 */
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storePath, type ConsoleSession } from '../../electron/core/core';
import { emptyIntakeForm } from '../../shared/domain/intake';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { fleetProblems } from '../support/fleet-agreement';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import {
  postgresUnavailable,
  startPostgres,
  withClient,
  type PostgresServer,
} from '../support/postgres';
import { copyPostgresRecord } from '../support/record-copy';
import { randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface HubView {
  state: string;
  node?: string;
}
const hubOf = async (core: Core) => (await call<{ hub: HubView }>(core, 'app.status', {})).hub;
const waiting = async (core: Core) =>
  (await call<{ outbox: { waiting: number } }>(core, 'app.status', {})).outbox.waiting;

/** One case recorded and dispatched to DLH, as an operator does it; returns both ids. */
async function recordAndDispatch(core: Core, i: number) {
  const { caseId } = await call<{ caseId: string }>(core, 'intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - 20_000,
    form: {
      ...emptyIntakeForm(),
      callerNumber: '081234567890',
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description: `Pohon tumbang nomor ${i} di Jl. Pahlawan`,
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
    },
  });
  const { dispatches } = await call<{ dispatches: Array<{ dispatchId: string }> }>(
    core,
    'case.dispatch',
    { caseId, opdIds: ['dlh'] },
  );
  return { caseId, dispatchId: dispatches[0]!.dispatchId };
}

const reason = postgresUnavailable();
describe.skipIf(reason !== undefined)(
  reason
    ? `desk failover between hub nodes (skipped: ${reason})`
    : 'desk failover between hub nodes',
  () => {
    let server: PostgresServer;
    beforeAll(async () => void (server = await startPostgres()), 90_000);
    afterAll(() => server?.stop());

    it('moves to node B when node A is killed, and loses or repeats nothing', async () => {
      const dir = tempDir();
      const deskToken = randomToken();
      const tokens = writeTokens(dir, [
        { token: deskToken, kind: 'desk', id: 'desk-1' },
        { token: randomToken(), kind: 'opd', id: 'dlh', person: 'Sari' },
      ]);
      const database = await server.createDatabase('failover');
      const store = ['--store', database];
      // The center's people, made by node A on the shared database.
      const people = centerDemoAccounts(dir, ['desk-1']);
      const a = await startHub(path.join(dir, 'hub-a'), tokens, 0, [...store, ...people]);
      cleanups.push(() => a.stop());
      const b = await startHub(path.join(dir, 'hub-b'), tokens, 0, store);
      cleanups.push(() => b.stop());

      const core = openDeskCore({
        dir,
        deskId: 'desk-1',
        hubUrl: `${a.url} , ${b.url}`,
        hubToken: deskToken,
      });
      oneScreen(core);
      let closed = false;
      cleanups.push(() => closed || core.close());
      const accounts = await demoAccounts(core, path.join(dir, 'desk-1'));
      const signIn = (screen: Pick<ConsoleSession, 'call'>, username: string) =>
        call(screen, 'auth.signIn', {
          username,
          password: accounts.find((p) => p.username === username)!.password,
        });
      await signIn(core, 'operator');
      const supervisor = core.openSession();
      const acked = { cases: new Map<string, string>(), dispatches: new Map<string, string>() };
      const record = async (i: number) => {
        const made = await recordAndDispatch(core, i);
        acked.cases.set(made.caseId, 'desk-1');
        acked.dispatches.set(made.dispatchId, 'desk-1');
      };

      // On node A, the first address, with its node shown.
      await expect
        .poll(() => hubOf(core), { timeout: 15_000 })
        .toEqual(expect.objectContaining({ state: 'online', node: `127.0.0.1:${a.port}` }));
      await signIn(supervisor, 'supervisor');
      for (let i = 0; i < 3; i++) await record(i);
      await expect.poll(() => waiting(core), { timeout: 15_000 }).toBe(0);

      // Node A dies while the operator keeps dispatching, once it has stored a few more:
      // some messages are stored but not yet acknowledged, others not yet sent.
      const stored = () =>
        withClient(database, async (c) =>
          Number((await c.query('SELECT count(*) AS n FROM dispatches')).rows[0].n),
        );
      const burst = (async () => {
        for (let i = 3; i < 23; i++) await record(i);
      })();
      await expect.poll(stored, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(6);
      await a.stop('SIGKILL');
      await burst;
      await expect
        .poll(() => hubOf(core), { timeout: 20_000 })
        .toEqual(expect.objectContaining({ state: 'online', node: `127.0.0.1:${b.port}` }));
      await expect.poll(() => waiting(core), { timeout: 20_000 }).toBe(0);

      // Work goes on through node B, a supervisor's too: the center knows their sign-in.
      const made = await call<{ account: { username: string } }>(supervisor, 'account.create', {
        username: 'rina',
        displayName: 'Rina Operator',
        role: 'operator',
        password: 'sandi-rina-123',
      });
      expect(made.account.username).toBe('rina');
      for (let i = 23; i < 26; i++) await record(i);
      await expect.poll(() => waiting(core), { timeout: 15_000 }).toBe(0);
      for (const caseId of acked.cases.keys()) {
        await expect
          .poll(async () => {
            const d = await call<{ dispatches: Array<{ status: string }> }>(core, 'case.get', {
              caseId,
            });
            return d.dispatches.map((x) => x.status);
          })
          .toEqual(['at_hub']);
      }

      // The database holds each dispatch once, and the desk's replica equals it.
      const rows = await withClient(database, async (c) => {
        const r = await c.query<{ id: string; n: string }>(
          'SELECT id, count(*) AS n FROM dispatches GROUP BY id',
        );
        return r.rows;
      });
      expect(rows.map((r) => r.id).sort()).toEqual([...acked.dispatches.keys()].sort());
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);

      core.close();
      closed = true;
      const snapshot = await copyPostgresRecord(database, path.join(dir, 'record'));
      expect(
        fleetProblems(snapshot, [{ id: 'desk-1', db: storePath(path.join(dir, 'desk-1')) }], acked),
      ).toEqual([]);
      // Processes, a database and the time a killed node takes to be noticed.
    }, 90_000);
  },
);
