/**
 * hub.*: the hub's capacity when it matters most. After an outage, 16 desks reconnect at
 * once, each holding 1,000 queued dispatches (to cases the hub already has), while one
 * acknowledging inbox client per OPD of the roster is connected. Measured from the hub
 * listening until every one of the 16,000 dispatches is acknowledged to its desk; then each
 * is checked stored exactly once. The desks are lightweight protocol v1 clients in their
 * own process (lib/drain-desks.ts) that receive every event the hub fans out to them; the
 * inbox clients run here. Beside it, the hub's CPU per dispatch and the p99 of the time
 * from a desk's emit to its ack. `hub.pg_drain_16x1000_s` is the same drain with the
 * record in PostgreSQL (a throwaway server) and two hub nodes, each serving half the desks
 * and inbox clients.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { OpdsFile } from '../shared/domain/reference';
import { connectOpd } from '../tests/support/opd-client';
import {
  randomToken,
  repoRoot,
  runTs,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../tests/support/processes';
import { percentile, round, type Figure } from './lib/figures';
import type { DrainPlan, DrainResult } from './lib/drain-desks';
import { assertQueuedOnce } from './lib/hub-check';
import { processCpuUs } from './lib/process-cpu';
import { postgresUnavailable, startPostgres } from '../tests/support/postgres';
import { removedAtExit, resourcesDir } from './lib/stores';

const DESKS = 16;
const QUEUED_PER_DESK = 1000;
const DESKS_SCRIPT = path.join(repoRoot, 'bench', 'lib', 'drain-desks.ts');

function opdIds(): string[] {
  const file = path.join(resourcesDir, 'opds.json');
  return OpdsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).opds.map((o) => o.id);
}

/** The desks process, started and loaded before the hub comes back, waiting for its URL. */
async function desksReady(planFile: string, since: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', DESKS_SCRIPT, 'dispatch', planFile, String(since)],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`drain desks exited with ${code}`))),
  );
  const line = (prefix: string) =>
    Promise.race([
      exited,
      new Promise<string>((resolve) => {
        const onLine = (l: string) => {
          if (!l.startsWith(prefix)) return;
          lines.off('line', onLine);
          resolve(l.slice(prefix.length));
        };
        lines.on('line', onLine);
      }),
    ]);
  await line('desks ready');
  return {
    go: (url: string) => child.stdin.write(`${url}\n`),
    drained: async () => JSON.parse(await line('drained ')) as DrainResult,
    stop: () => {
      exited.catch(() => undefined);
      child.kill('SIGINT');
    },
  };
}

export async function hubBench(): Promise<Figure[]> {
  const sqlite = await drain(undefined);
  const reason = postgresUnavailable();
  if (reason) {
    process.stderr.write(`bench: hub: PostgreSQL drain skipped: ${reason}\n`);
    return sqlite;
  }
  const pg = await startPostgres();
  try {
    const [seconds] = await drain(pg.url);
    return [...sqlite, { ...seconds!, name: 'hub.pg_drain_16x1000_s', target: '≤ 10' }];
  } finally {
    await pg.stop();
  }
}

/** The drain on SQLite (one hub), or on the PostgreSQL record at `postgresUrl` (two nodes). */
async function drain(postgresUrl: string | undefined): Promise<Figure[]> {
  const dir = removedAtExit(tempDir('sigap-bench-hub-'));
  const storeArgs = postgresUrl ? ['--store', postgresUrl] : [];
  const start = () => startHub(hubDir, tokens, 0, storeArgs);
  const opds = opdIds().map((id) => ({ id, token: randomToken() }));
  const plan: DrainPlan = {
    desks: Array.from({ length: DESKS }, (_, d) => ({
      id: `desk-${d + 1}`,
      token: randomToken(),
      dispatches: Array.from({ length: QUEUED_PER_DESK }, (_, i) => ({
        dispatchId: uuidv7(),
        caseId: uuidv7(),
        opdId: opds[(d * QUEUED_PER_DESK + i) % opds.length]!.id,
      })),
    })),
  };
  const planFile = path.join(dir, 'plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const tokens = writeTokens(dir, [
    ...plan.desks.map((d) => ({ token: d.token, kind: 'desk' as const, id: d.id })),
    ...opds.map((o) => ({ token: o.token, kind: 'opd' as const, id: o.id, person: 'Petugas' })),
  ]);
  const hubDir = path.join(dir, 'hub');

  // Before the outage: every case is at the hub.
  let hub: HubProc = await start();
  const setup = runTs('bench/lib/drain-desks.ts', ['upsert', planFile, hub.url]);
  await setup.waitFor(/upserted/, 300_000);
  await setup.stop();
  await hub.stop();
  const since = DESKS * QUEUED_PER_DESK;

  const desks = await desksReady(planFile, since);
  const inboxes: Socket[] = [];
  const nodes: HubProc[] = [];
  try {
    // The second node's own start is not timed: both are up before the desks come back.
    hub = await start();
    nodes.push(hub);
    if (postgresUrl) nodes.push(await startHub(path.join(dir, 'hub-2'), tokens, 0, storeArgs));
    const back = performance.now();
    const cpu0 = nodes.map((n) => processCpuUs(n.child.pid!));
    const opened = Promise.all(
      opds.map(async (o, i) =>
        inboxes.push((await connectOpd(nodes[i % nodes.length]!.url, o.token)).socket),
      ),
    );
    desks.go(nodes.map((n) => n.url).join(','));
    await opened;
    const result = await desks.drained();
    const seconds = (performance.now() - back) / 1000;
    const cpu1 = nodes.map((n) => processCpuUs(n.child.pid!));
    await assertQueuedOnce(
      hub.url,
      plan.desks.flatMap((d) => d.dispatches.map((x) => x.dispatchId)),
      plan.desks[0]!.token,
    );
    // Each dispatch's `queued` event at least, to every desk, before its ack. On one hub that
    // holds by construction; with two nodes, a desk hears the other node's commits from the
    // log a moment later, possibly after its own last ack, so only one hub is held to it.
    if (!postgresUrl && result.events < DESKS * DESKS * QUEUED_PER_DESK) {
      throw new Error(`the desks received ${result.events} events, fewer than the hub sent`);
    }
    const total = DESKS * QUEUED_PER_DESK;
    return [
      { name: 'hub.drain_16x1000_s', value: round(seconds, 2), unit: 's', target: '≤ 5' },
      ...(!postgresUrl && cpu0[0] !== undefined && cpu1[0] !== undefined
        ? [
            {
              name: 'hub.cpu_us_per_dispatch',
              value: Math.round((cpu1[0] - cpu0[0]) / total),
              unit: 'µs',
            },
          ]
        : []),
      {
        name: 'hub.ack_p99_ms',
        value: round(
          percentile(
            result.ackMs.sort((a, b) => a - b),
            99,
          ),
          1,
        ),
        unit: 'ms',
      },
    ];
  } finally {
    inboxes.forEach((s) => s.close());
    desks.stop();
    await Promise.all(nodes.map((n) => n.stop()));
  }
}
