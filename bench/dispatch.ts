/**
 * dispatch.*: a desk's dispatches through the real path — the console core's outbox, its
 * replication over socket.io, a hub process applying each durably to SQLite with group
 * commit — against, in the same run, a minimal durable pipeline (durable-baseline.ts, a
 * round of it before each of the real path's drains) and raw socket.io acknowledged emits
 * to a trivial server process, 32 messages in flight on every side; and the latency from
 * the operator's dispatch call to an OPD inbox client receiving `dispatch.new`.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { OpdDispatch } from '../shared/hub/opd-messages';
import { storePath } from '../electron/core/core';
import { connectOpd } from '../tests/support/opd-client';
import { runTs, type HubProc } from '../tests/support/processes';
import { percentile, round, type Figure } from './lib/figures';
import { benchHub, dlhToken, openDesk, type BenchDesk } from './lib/desk';
import { assertQueuedOnce } from './lib/hub-check';
import { openDurablePipeline, walFsyncMs } from './lib/durable-baseline';
import { processCpuUs } from './lib/process-cpu';
import { deskStoreWork, hubStoreWork } from './lib/store-work';
import { tempDataDir } from './lib/stores';

const IN_FLIGHT = 32;
const THROUGHPUT_DISPATCHES = 3000;
const DRAIN_ROUNDS = 3;
const RAW_MESSAGES = 20_000;
const RAW_ROUNDS = 3;
const E2E_SAMPLES = 200;
const E2E_WARMUP = 20;

const actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' } as const;

/** Case ids of `n` saved cases that the hub already has. */
async function casesAtHub(desk: BenchDesk, n: number): Promise<string[]> {
  const cases: string[] = [];
  for (let i = 0; i < n; i++) cases.push(await desk.saveCase(i));
  await desk.drained();
  return cases;
}

interface DrainRound {
  perS: number;
  deskCpuUs: number;
  hubCpuUs?: number;
}

/**
 * Dispatches per second from the moment the desk's link is online with THROUGHPUT_DISPATCHES
 * dispatches waiting in its outbox until the hub has acknowledged the last. They are queued
 * with the desk detached from the hub, so the figure is the outbox drain alone, not the
 * operator's own writes. Also the CPU each side spent per dispatch meanwhile, a figure
 * that other work on the machine disturbs less than the rate. The best of DRAIN_ROUNDS
 * drains of the same desk and hub, as the durable baseline is the best of its rounds: a
 * first drain also pays for compiling the code on both sides.
 */
async function deskThroughput(
  beforeDrain: () => Promise<void>,
): Promise<DrainRound & { deskStoreUs: number }> {
  const { hub } = await benchHub('throughput');
  const dataDir = tempDataDir('throughput-desk');
  try {
    const desk = await openDesk(dataDir, hub.url);
    await desk.online();
    const cases = await casesAtHub(desk, THROUGHPUT_DISPATCHES * DRAIN_ROUNDS);
    desk.close();
    let deskStoreUs = 0;
    let best: DrainRound | undefined;
    const sent: string[] = [];
    for (let round = 0; round < DRAIN_ROUNDS; round++) {
      const batch = cases.slice(round * THROUGHPUT_DISPATCHES, (round + 1) * THROUGHPUT_DISPATCHES);
      const dispatchIds = await queueOffline(dataDir, batch);
      if (round === 0) {
        // The same store, to settle the same dispatches without sockets.
        const storeOnlyDir = tempDataDir('store-work-desk');
        fs.cpSync(dataDir, storeOnlyDir, { recursive: true });
        deskStoreUs = deskStoreWork(storeOnlyDir);
      }
      await beforeDrain();
      const drained = await drain(dataDir, hub, dispatchIds);
      sent.push(...dispatchIds);
      await assertQueuedOnce(hub.url, sent);
      if (!best || drained.perS > best.perS) best = drained;
    }
    return { ...best!, deskStoreUs };
  } finally {
    await hub.stop();
  }
}

/** Dispatches each case to DLH with the desk detached from the hub; their dispatch ids. */
async function queueOffline(dataDir: string, cases: readonly string[]): Promise<string[]> {
  const desk = await openDesk(dataDir);
  try {
    const dispatchIds: string[] = [];
    for (const caseId of cases) {
      const r = await desk.call<{ dispatches: Array<{ dispatchId: string }> }>('case.dispatch', {
        caseId,
        opdIds: ['dlh'],
      });
      dispatchIds.push(r.dispatches[0]!.dispatchId);
    }
    return dispatchIds;
  } finally {
    desk.close();
  }
}

/** When the desk stored its last acknowledged dispatch (the core's clock: Date.now). */
function lastSettledAt(dataDir: string): number {
  const db = new Database(storePath(dataDir), { readonly: true });
  try {
    return db
      .prepare("SELECT max(sent_at) FROM outbox WHERE kind = 'dispatch'")
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

/** Opens the desk on the hub and times its outbox drain. */
async function drain(dataDir: string, hub: HubProc, dispatchIds: string[]): Promise<DrainRound> {
  const hubCpu0 = processCpuUs(hub.child.pid!);
  const deskCpu0 = process.cpuUsage();
  const desk = await openDesk(dataDir, hub.url, { signIn: false });
  await desk.drained();
  const deskCpu = process.cpuUsage(deskCpu0);
  const hubCpu1 = processCpuUs(hub.child.pid!);
  const since = (await desk.status()).hub.since; // when the link went online
  desk.close();
  // The drain ends with the last ack settled in the store, not with the status push that
  // reports it (the status bar refreshes at most every 50 ms during a burst).
  const end = lastSettledAt(dataDir);
  return {
    perS: dispatchIds.length / ((end - since) / 1000),
    deskCpuUs: (deskCpu.user + deskCpu.system) / dispatchIds.length,
    ...(hubCpu0 !== undefined && hubCpu1 !== undefined
      ? { hubCpuUs: (hubCpu1 - hubCpu0) / dispatchIds.length }
      : {}),
  };
}

/** The same payload shape and size as a desk's dispatch message. */
const rawPayload = () => ({ dispatchId: uuidv7(), caseId: uuidv7(), opdId: 'dlh', actor });

/** Sends `n` acknowledged emits keeping IN_FLIGHT outstanding; resolves with the seconds taken. */
function window(socket: Socket, n: number): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let sent = 0;
    let acked = 0;
    const sendOne = (): void => {
      sent++;
      socket.emit('dispatch', rawPayload(), () => {
        acked++;
        if (acked === n) resolve((performance.now() - t0) / 1000);
        else if (sent < n) sendOne();
      });
    };
    for (let i = 0; i < Math.min(IN_FLIGHT, n); i++) sendOne();
  });
}

/**
 * Raw socket.io: acknowledged emits per second to a server process that acks at once, and
 * the CPU each end spent per message. `announce`: the server also sends the client one
 * event per message, as the hub does (protocol v1's pattern without validation or storage).
 */
async function rawThroughput(announce = false): Promise<{
  perS: number;
  clientCpuUs: number;
  serverCpuUs?: number;
}> {
  const server = runTs('bench/lib/ack-server.ts', announce ? ['--announce'] : []);
  try {
    const m = await server.waitFor(/ack server listening on (\d+)/);
    const socket = io(`http://127.0.0.1:${m[1]}`, { transports: ['websocket'] });
    let announced = 0;
    socket.on('event', () => void announced++);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await window(socket, 2000); // warm-up
    // The best of a few rounds: a stall of the machine during the one raw round must not
    // make the real path look closer to raw than it is.
    let best: { perS: number; clientCpuUs: number; serverCpuUs?: number } | undefined;
    for (let round = 0; round < RAW_ROUNDS; round++) {
      const server0 = processCpuUs(server.child.pid!);
      const client0 = process.cpuUsage();
      const seconds = await window(socket, RAW_MESSAGES);
      const client = process.cpuUsage(client0);
      const server1 = processCpuUs(server.child.pid!);
      const perS = RAW_MESSAGES / seconds;
      if (best && best.perS >= perS) continue;
      best = {
        perS,
        clientCpuUs: (client.user + client.system) / RAW_MESSAGES,
        ...(server0 !== undefined && server1 !== undefined
          ? { serverCpuUs: (server1 - server0) / RAW_MESSAGES }
          : {}),
      };
    }
    socket.close();
    if (announce && announced === 0) throw new Error('the ack server announced nothing');
    return best!;
  } finally {
    await server.stop();
  }
}

/** Operator's dispatch call → the OPD inbox client has `dispatch.new`, one at a time. */
async function endToEnd(): Promise<number[]> {
  const { hub } = await benchHub('e2e');
  const desk = await openDesk(tempDataDir('e2e-desk'), hub.url);
  const opd = await connectOpd(hub.url, dlhToken);
  const arrived = new Map<string, () => void>();
  opd.socket.on('dispatch.new', (d: OpdDispatch) => arrived.get(d.caseId)?.());
  try {
    await desk.online();
    const times: number[] = [];
    for (let i = 0; i < E2E_SAMPLES + E2E_WARMUP; i++) {
      const caseId = await desk.saveCase(i);
      await desk.drained();
      const received = new Promise<void>((resolve) => arrived.set(caseId, resolve));
      const t0 = performance.now();
      await desk.call('case.dispatch', { caseId, opdIds: ['dlh'] });
      await received;
      const dt = performance.now() - t0;
      arrived.delete(caseId);
      if (i >= E2E_WARMUP) times.push(dt);
      // Let the seen status come back before the next sample, as between two real dispatches.
      await settled(desk, caseId);
    }
    return times.sort((a, b) => a - b);
  } finally {
    opd.socket.close();
    desk.close();
    await hub.stop();
  }
}

async function settled(desk: BenchDesk, caseId: string): Promise<void> {
  for (;;) {
    const d = await desk.call<{ dispatches: Array<{ status: string }> }>('case.get', { caseId });
    if (d.dispatches.every((x) => x.status === 'seen')) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function dispatchBench(): Promise<Figure[]> {
  const fsyncMs = walFsyncMs();
  const raw = await rawThroughput();
  const pattern = await rawThroughput(true);
  // The baseline's rounds alternate with the real path's drains, so that both meet the
  // same moments of a machine whose speed moves between runs and within one.
  const pipeline = await openDurablePipeline();
  const durable = { perS: 0 };
  let desk;
  try {
    desk = await deskThroughput(async () => {
      durable.perS = Math.max(durable.perS, await pipeline.round());
    });
  } finally {
    await pipeline.close();
  }
  const hubStoreUs = await hubStoreWork(THROUGHPUT_DISPATCHES);
  const e2e = await endToEnd();
  return [
    {
      name: 'dispatch.throughput_per_s',
      value: Math.round(desk.perS),
      unit: '/s',
      baseline: Math.round(raw.perS),
    },
    {
      name: 'dispatch.durable_per_s',
      value: Math.round(durable.perS),
      unit: '/s',
    },
    {
      name: 'dispatch.durable_ratio',
      value: round(desk.perS / durable.perS, 2),
      unit: 'x',
      baseline: 1,
      target: '≥ 0.5',
    },
    // Information: against socket.io with no storage at all.
    {
      name: 'dispatch.throughput_ratio',
      value: round(desk.perS / raw.perS, 2),
      unit: 'x',
      baseline: 1,
    },
    { name: 'dispatch.fsync_ms', value: round(fsyncMs, 2), unit: 'ms' },
    // The ceiling for any implementation of protocol v1 on this machine: its messages alone.
    {
      name: 'dispatch.pattern_ratio',
      value: round(pattern.perS / raw.perS, 2),
      unit: 'x',
      baseline: 1,
    },
    // CPU per message, against the raw client's and the raw server's.
    {
      name: 'dispatch.desk_cpu_us',
      value: Math.round(desk.deskCpuUs),
      unit: 'µs',
      baseline: Math.round(raw.clientCpuUs),
    },
    ...(desk.hubCpuUs !== undefined
      ? [
          {
            name: 'dispatch.hub_cpu_us',
            value: Math.round(desk.hubCpuUs),
            unit: 'µs',
            ...(raw.serverCpuUs !== undefined ? { baseline: Math.round(raw.serverCpuUs) } : {}),
          },
        ]
      : []),
    // Of those, the store work alone (validation, SQLite, commits; no socket).
    { name: 'dispatch.desk_store_us', value: Math.round(desk.deskStoreUs), unit: 'µs' },
    { name: 'dispatch.hub_store_us', value: Math.round(hubStoreUs), unit: 'µs' },
    { name: 'dispatch.e2e_p50_ms', value: round(percentile(e2e, 50), 1), unit: 'ms' },
    {
      name: 'dispatch.e2e_p95_ms',
      value: round(percentile(e2e, 95), 1),
      unit: 'ms',
      target: '≤ 100',
    },
  ];
}
