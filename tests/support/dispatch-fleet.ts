/**
 * A small dispatch center of real processes for the fault tests: one hub (or several hub
 * nodes on one PostgreSQL record, hub-nodes.ts), console hosts
 * desk-1…desk-N (each with its own data dir and desk token), and OPD inbox clients that
 * see, accept, resolve or return what reaches them. Operators record cases and dispatch
 * them through the console API while a test breaks things; `settle()` waits until every
 * desk has drained and agrees with the hub, and says what still disagrees if it never does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { seededRandom, type Random } from '../../electron/core/seed/random';
import { fleetProblems } from './fleet-agreement';
import { callHost as call, HostGone, valueOf as value } from './host-api';
import { startClerks } from './opd-clerks';
import { startHubNodes } from './hub-nodes';
import type { PostgresServer } from './postgres';
import { randomToken, startHost, tempDir, until, writeTokens, type HostProc } from './processes';
import { startTcpProxy } from './tcp-proxy';
import { hubMaxSeq, openReadonly } from './replica-check';

/** OPDs the desks dispatch to; the last one has nobody signed in, so its queue only grows. */
const OPDS = ['dlh', 'dishub', 'dpupr'] as const;
const WITH_INBOX = ['dlh', 'dishub'] as const;
const PLACES = [
  ['pohon-tumbang', 'taman', 'kejuron'],
  ['lampu-jalan', 'kartoharjo', 'klegen'],
  ['jalan-rusak', 'manguharjo', 'winongo'],
  ['sampah', 'taman', 'manisrejo'],
] as const;

export interface Desk {
  id: string;
  token: string;
  dataDir: string;
  hubUrl: string;
  /** The running host, once started and signed in; a new promise while it restarts. */
  ready: Promise<HostProc>;
  host: HostProc | undefined;
  restarted?: (host: HostProc) => void;
}

export interface FleetOptions {
  desks: number;
  random: Random;
  /** The hub URL a desk is given (a proxy's, for example); the hub's own by default. */
  hubUrlFor?: (deskId: string, hubPort: number) => Promise<string>;
  /** Hub nodes on this server's record instead of one hub on SQLite. */
  postgres?: PostgresServer;
}

export async function startFleet(options: FleetOptions) {
  const root = tempDir('sigap-fleet-');
  const opdTokens = Object.fromEntries(WITH_INBOX.map((id) => [id, randomToken()]));
  const deskIds = Array.from({ length: options.desks }, (_, i) => `desk-${i + 1}`);
  const deskTokens = Object.fromEntries(deskIds.map((id) => [id, randomToken()]));
  const tokensFile = writeTokens(root, [
    ...deskIds.map((id) => ({ token: deskTokens[id]!, kind: 'desk' as const, id })),
    ...WITH_INBOX.map((id) => ({
      token: opdTokens[id]!,
      kind: 'opd' as const,
      id,
      person: `Petugas ${id}`,
    })),
  ]);
  const hubs = await startHubNodes({
    root,
    tokensFile,
    ...(options.postgres ? { postgres: options.postgres } : {}),
  });
  const hubPort = hubs.ports[0]!;
  // A desk is given every node; an inbox keeps one address, a proxy in front of the nodes.
  const proxy =
    hubs.count > 1
      ? await startTcpProxy({ targetPort: hubPort, targetPorts: hubs.ports })
      : undefined;
  const hubUrl = proxy?.url ?? hubs.urls[0]!;
  const opdRandom = seededRandom(options.random.int(0, 2 ** 31));

  /** What operators were told: saved cases and dispatches, by desk. */
  const acked = { cases: new Map<string, string>(), dispatches: new Map<string, string>() };
  const stats = { retriedSaves: 0, redispatches: 0, hubKills: 0, deskKills: 0 };
  const progress = new Set<() => void>();
  let keep = false;

  // OPD clerks: each dispatch is seen; some are accepted (and maybe resolved), some returned.
  const clerks = await startClerks(
    hubUrl,
    Object.fromEntries(WITH_INBOX.map((id) => [id, opdTokens[id]!])),
    opdRandom,
  );

  const desks: Desk[] = [];
  for (const id of deskIds) {
    const dataDir = path.join(root, id);
    fs.mkdirSync(dataDir);
    desks.push({
      id,
      token: deskTokens[id]!,
      dataDir,
      hubUrl: (await options.hubUrlFor?.(id, hubPort)) ?? hubs.urls.join(','),
      ready: new Promise<HostProc>(() => undefined), // booted below
      host: undefined,
    });
  }

  async function bootDesk(desk: Desk): Promise<HostProc> {
    const host = await startHost({
      dataDir: desk.dataDir,
      hubUrl: desk.hubUrl,
      hubToken: desk.token,
      deskId: desk.id,
    });
    const { accounts } = JSON.parse(
      fs.readFileSync(path.join(desk.dataDir, 'demo-accounts.json'), 'utf8'),
    ) as { accounts: Array<{ username: string; password: string }> };
    const op = accounts.find((a) => a.username === 'operator')!;
    value(
      'auth.signIn',
      await call(host, 'auth.signIn', { username: op.username, password: op.password }),
    );
    desk.host = host;
    return host;
  }
  for (const desk of desks) desk.ready = bootDesk(desk);
  await Promise.all(desks.map((d) => d.ready));

  /** Calls the desk's console API, waiting out a restart and asking again. */
  async function persist<T>(desk: Desk, channel: string, args: unknown): Promise<T> {
    for (;;) {
      const host = await desk.ready;
      try {
        return value<T>(channel, await call(host, channel, args));
      } catch (error) {
        // Only a kill by the test may take a host away (and it swaps `ready` first).
        if (!(error instanceof HostGone) || desk.host === host) throw error;
      }
    }
  }

  /** One operator at a desk: records a case, then dispatches it to one or two OPDs. */
  async function operator(
    desk: Desk,
    random: Random,
    take: (n: number) => number,
    pauseMs: number,
  ) {
    for (let i = 0; ; i++) {
      const n = take(random.chance(0.3) ? 2 : 1);
      if (n === 0) return;
      const [categoryId, kecamatanId, kelurahanId] = random.pick(PLACES);
      const save = {
        callId: uuidv7(),
        startedAt: Date.now() - 30_000,
        form: {
          callerNumber: `0812${random.int(10_000_000, 99_999_999)}`,
          withheld: false,
          callerName: random.chance(0.5) ? `Pelapor ${i}` : '',
          anonim: random.chance(0.2),
          rahasia: false,
          categoryId,
          urgency: 'darurat',
          description: `${desk.id} kasus ${i}: ${categoryId} di ${kelurahanId}`,
          kecamatanId,
          kelurahanId,
          address: `Jl. Contoh ${random.int(1, 200)}`,
          landmark: '',
          lat: null,
          lng: null,
        },
      };
      // A save retried with the same call id returns the same case, never a second one.
      const saved = await persist<{ caseId: string; duplicate: boolean }>(
        desk,
        'intake.save',
        save,
      );
      if (saved.duplicate) stats.retriedSaves++;
      acked.cases.set(saved.caseId, desk.id);

      const first = random.int(0, OPDS.length - 1);
      const opdIds = Array.from({ length: n }, (_, k) => OPDS[(first + k) % OPDS.length]!);
      const made = await dispatchOnce(desk, saved.caseId, opdIds);
      for (const id of made) acked.dispatches.set(id, desk.id);
      for (const notify of progress) notify();
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, random.int(0, pauseMs)));
    }
  }

  /**
   * Dispatches a case; when the host died mid-call, looks at the case after the restart
   * and dispatches only to the OPDs it has not reached, as an operator would.
   */
  async function dispatchOnce(desk: Desk, caseId: string, opdIds: string[]): Promise<string[]> {
    const host = await desk.ready;
    try {
      const r = value<{ dispatches: Array<{ dispatchId: string }> }>(
        'case.dispatch',
        await call(host, 'case.dispatch', { caseId, opdIds }),
      );
      return r.dispatches.map((d) => d.dispatchId);
    } catch (error) {
      if (!(error instanceof HostGone) || desk.host === host) throw error;
    }
    const detail = await persist<{ dispatches: Array<{ dispatchId: string; opdId: string }> }>(
      desk,
      'case.get',
      { caseId },
    );
    const missing = opdIds.filter((o) => !detail.dispatches.some((d) => d.opdId === o));
    if (missing.length > 0) stats.redispatches++;
    const more =
      missing.length > 0
        ? (
            await persist<{ dispatches: Array<{ dispatchId: string }> }>(desk, 'case.dispatch', {
              caseId,
              opdIds: missing,
            })
          ).dispatches
        : [];
    return [...detail.dispatches.map((d) => d.dispatchId), ...more.map((d) => d.dispatchId)];
  }

  const deskDb = (desk: Desk) => path.join(desk.dataDir, 'console', 'console.db');

  async function inboxDispatches(): Promise<string[]> {
    const db = openReadonly(await hubs.recordFile());
    try {
      const rows = db
        .prepare(`SELECT id FROM dispatches WHERE opd_id IN (${WITH_INBOX.map(() => '?').join()})`)
        .all(...WITH_INBOX) as Array<{ id: string }>;
      return rows.map((r) => r.id);
    } finally {
      db.close();
    }
  }

  const status = async (desk: Desk) =>
    value<{ hub: { state: string }; outbox: { waiting: number } }>(
      'app.status',
      await call(await desk.ready, 'app.status', {}),
    );
  /** Messages in the desk's outbox not yet acknowledged by the hub (app.status). */
  const waiting = async (desk: Desk): Promise<number> => (await status(desk)).outbox.waiting;

  /** Every way the desks and the hub disagree right now (empty when all is well). */
  const problems = async (): Promise<string[]> =>
    fleetProblems(
      await hubs.recordFile(),
      desks.map((d) => ({ id: d.id, db: deskDb(d) })),
      acked,
    );

  return {
    desks,
    acked,
    stats,

    /** Operators on every desk record and dispatch until `total` dispatches are made. */
    async stream(o: { total: number; operatorsPerDesk: number; pauseMs: number }) {
      let claimed = 0;
      const take = (n: number) => {
        const granted = Math.min(n, o.total - claimed);
        claimed += granted;
        return granted;
      };
      await Promise.all(
        desks.flatMap((desk) =>
          Array.from({ length: o.operatorsPerDesk }, () =>
            operator(desk, seededRandom(options.random.int(0, 2 ** 31)), take, o.pauseMs),
          ),
        ),
      );
    },

    /** Resolves once operators have been told of at least `n` dispatches. */
    reached(n: number): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          if (acked.dispatches.size < n) return;
          progress.delete(check);
          resolve();
        };
        progress.add(check);
        check();
      });
    },

    /** The hub nodes (one, unless the fleet runs on PostgreSQL). */
    hubs,
    async killHub(node = 0): Promise<void> {
      stats.hubKills++;
      await hubs.kill(node);
    },
    async restartHub(node = 0): Promise<void> {
      await hubs.restart(node);
    },
    /** Resolves once every desk's status bar says the hub link is up. */
    async online(): Promise<void> {
      let last = '';
      const up = async () => {
        for (const desk of desks) {
          const { hub } = await status(desk);
          last = `${desk.id}: ${JSON.stringify(hub)}`;
          if (hub.state !== 'online') return false;
        }
        return true;
      };
      await until(up, 60_000, 100).catch((error: unknown) => {
        throw new Error(`desks not all online (${String(error)}); last seen ${last}`);
      });
    },

    waiting,

    /** Where the stores are, for a test's own end checks (open them read-only). */
    files: { hub: () => hubs.recordFile(), desk: deskDb },

    /** One console API call on a desk, as its operator; throws on a refusal. */
    api: <T>(desk: Desk, channel: string, args: unknown) => persist<T>(desk, channel, args),

    async killDesk(desk: Desk): Promise<void> {
      const host = desk.host!;
      stats.deskKills++;
      // Operators wait for the restart.
      desk.ready = new Promise((resolve) => (desk.restarted = resolve));
      desk.host = undefined;
      await host.stop('SIGKILL');
    },
    async restartDesk(desk: Desk): Promise<void> {
      desk.restarted?.(await bootDesk(desk));
    },

    /**
     * Stops the OPD clerks, waits for every outbox to drain (app.status) and every desk to
     * agree with the hub. Throws with the disagreements when they persist.
     */
    async settle(timeoutMs = 120_000): Promise<void> {
      const drained = async () => {
        for (const desk of desks) if ((await waiting(desk)) > 0) return false;
        return true;
      };
      try {
        await until(drained, timeoutMs, 250);
        // Every dispatch in a signed-in OPD's queue gets its clerk's decision first.
        await until(
          async () => (await inboxDispatches()).every((id) => clerks.handled(id)),
          timeoutMs,
          250,
        );
        await clerks.idle();
        clerks.close();
        await until(async () => (await problems()).length === 0, timeoutMs, 250);
      } catch (error) {
        keep = true;
        const left = await problems();
        throw new Error(
          `desks and hub never agreed (${String(error)}); their stores are in ${root}:\n${left.join('\n')}`,
        );
      }
    },

    /** The hub's last seq, for reports. */
    async hubSeq(): Promise<number> {
      const db = openReadonly(await hubs.recordFile());
      try {
        return hubMaxSeq(db);
      } finally {
        db.close();
      }
    },

    /** Stops every process; the stores are deleted unless the desks never agreed. */
    async stop(): Promise<void> {
      clerks.close();
      await Promise.all(desks.map((d) => d.host?.stop()));
      await hubs.stop();
      await proxy?.close();
      if (!keep) fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export type Fleet = Awaited<ReturnType<typeof startFleet>>;
