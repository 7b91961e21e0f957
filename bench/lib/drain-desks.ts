/**
 * The desks of hub.drain_16x1000_s: lightweight protocol v1 desk clients, all in this one
 * process, each on its own socket.io connection with its own desk token. Each says hello as
 * a console does, sends its messages as a console's replication does (32 in flight,
 * refilled 16 at a time, in `batch` packets of 16 when the hub takes them) and receives
 * every event the hub fans out to desks, as a real desk does (without decoding them: see
 * connect()).
 *
 * `drain-desks.ts upsert PLAN URL`: each desk in turn stores its cases at the hub; prints
 * "upserted". `drain-desks.ts dispatch PLAN SINCE`: prints "desks ready", reads the hub's
 * URL from stdin (several, comma-separated: the desks take the hub nodes in turn), connects
 * every desk at once; each asks `sync` from SINCE and sends its
 * dispatches; prints "drained {json}" when every dispatch is acknowledged.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { v7 as uuidv7 } from 'uuid';
import WebSocket from 'ws';

export interface DrainPlan {
  desks: Array<{
    id: string;
    token: string;
    dispatches: Array<{ dispatchId: string; caseId: string; opdId: string }>;
  }>;
}

export interface DrainResult {
  /** Emit-to-ack milliseconds of every dispatch, unsorted. */
  ackMs: number[];
  /** Events the desks received while draining, all desks together. */
  events: number;
}

const IN_FLIGHT = 32;
const REFILL = 16;

interface Desk {
  emit(event: string, payload: unknown): Promise<{ ok?: boolean }>;
  /** The hub said in its hello that it takes `batch`. */
  batches: boolean;
  /** Events received so far. */
  events(): number;
  close(): void;
}

/** Where `42/desk,["event` ends: an `s` next is an `events` packet, a quote an `event`. */
const EVENTS_AT = '42/desk,["event'.length;
const SEQ = Buffer.from('"seq":');

/** Events in an `events` packet, counted without decoding it (one `"seq":` each). */
function countEvents(data: Buffer): number {
  let n = 0;
  for (let at = data.indexOf(SEQ); at !== -1; at = data.indexOf(SEQ, at + SEQ.length)) n++;
  return n;
}

/**
 * A desk's socket.io connection to /desk, spoken directly over a WebSocket (engine.io v4,
 * socket.io v5 packets): acks are decoded; events are received and counted, their JSON
 * left undecoded. socket.io-client decodes every packet, and 16 of them in one process
 * spent as much CPU as the hub; a real desk pays that on its own machine.
 */
async function connect(url: string, token: string): Promise<Desk> {
  const desk = await open(url, token);
  const hello = (await desk.emit('hello', { protocol: 1, features: ['events'] })) as {
    features?: string[];
  };
  desk.batches = hello.features?.includes('batch') ?? false;
  return desk;
}

function open(url: string, token: string): Promise<Desk> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const waiting = new Map<number, (ack: { ok?: boolean }) => void>();
  let nextId = 0;
  let events = 0;
  const ACK = '43/desk,';
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data: Buffer) => {
      // "42/desk,[\"event\",…]" or "[\"events\",[…]]": counted, as the common case, first.
      if (data[0] === 0x34 && data[1] === 0x32) {
        events += data[EVENTS_AT] === 0x73 ? countEvents(data) : 1;
        return;
      }
      const text = data.toString();
      if (text === '2')
        ws.send('3'); // engine.io ping → pong
      else if (text.startsWith('0')) ws.send(`40/desk,${JSON.stringify({ token, lastSeq: 0 })}`);
      else if (text.startsWith('40/desk,')) {
        resolve({
          emit: (event, payload) =>
            new Promise((done) => {
              const id = nextId++;
              waiting.set(id, done);
              ws.send(`42/desk,${id}${JSON.stringify([event, payload])}`);
            }),
          batches: false,
          events: () => events,
          close: () => ws.close(),
        });
      } else if (text.startsWith('44/desk,')) reject(new Error(`desk refused: ${text}`));
      else if (text.startsWith(ACK)) {
        const open = text.indexOf('[', ACK.length);
        const id = Number(text.slice(ACK.length, open));
        const answer = (JSON.parse(text.slice(open)) as [{ ok?: boolean }])[0];
        waiting.get(id)?.(answer);
        waiting.delete(id);
      }
    });
  });
}

/**
 * Sends every message with a window like the console's, REFILL to a `batch` when the hub
 * takes them; rejects on the first refusal. Each message's ack time is its packet's.
 */
function send(
  desk: Desk,
  messages: Array<{ event: string; payload: unknown }>,
  ackMs: number[],
): Promise<void> {
  const packet = desk.batches ? REFILL : 1;
  return new Promise((resolve, reject) => {
    let next = 0;
    let inFlight = 0;
    let acked = 0;
    const answered = (sent: Array<{ event: string }>, answers: unknown[], t0: number): void => {
      const refused = answers.findIndex((a) => !(a as { ok?: boolean }).ok);
      if (refused !== -1 || answers.length !== sent.length) {
        const what = sent[Math.max(refused, 0)]!.event;
        reject(new Error(`${what} not acknowledged: ${JSON.stringify(answers[refused])}`));
        return;
      }
      const ms = performance.now() - t0;
      for (let i = 0; i < sent.length; i++) ackMs.push(ms);
      inFlight -= sent.length;
      acked += sent.length;
      if (acked === messages.length) resolve();
      else if (IN_FLIGHT - inFlight >= REFILL) fill();
    };
    const fill = (): void => {
      while (inFlight < IN_FLIGHT && next < messages.length) {
        const sent = messages.slice(next, next + Math.min(packet, IN_FLIGHT - inFlight));
        next += sent.length;
        inFlight += sent.length;
        const t0 = performance.now();
        if (sent.length === 1) {
          const [{ event, payload }] = sent as [{ event: string; payload: unknown }];
          void desk.emit(event, payload).then((ack) => answered(sent, [ack], t0));
          continue;
        }
        const batch = { messages: sent.map((m) => ({ name: m.event, payload: m.payload })) };
        void desk.emit('batch', batch).then((ack) => {
          const answers = (ack as { answers?: unknown[] }).answers;
          if (!ack.ok || !answers) reject(new Error(`batch refused: ${JSON.stringify(ack)}`));
          else answered(sent, answers, t0);
        });
      }
    };
    fill();
  });
}

const actorOf = (id: string) => ({ id, role: 'desk', person: `Operator ${id}` }) as const;

async function upsert(plan: DrainPlan, url: string): Promise<void> {
  for (const desk of plan.desks) {
    const socket = await connect(url, desk.token);
    const messages = desk.dispatches.map((d, i) => ({
      event: 'case.upsert',
      payload: {
        changeId: uuidv7(),
        caseId: d.caseId,
        baseSeq: 0,
        fields: {
          status: 'baru',
          categoryId: 'pohon-tumbang',
          urgency: 'darurat',
          description: `Pohon tumbang menutup jalan nomor ${i} dekat sekolah`,
          kecamatanId: 'taman',
          kelurahanId: 'kejuron',
          address: `Jl. Pahlawan ${i}`,
        },
        actor: actorOf(desk.id),
      },
    }));
    await send(socket, messages, []);
    socket.close();
  }
  process.stdout.write('upserted\n');
}

async function dispatch(plan: DrainPlan, since: number): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin });
  process.stdout.write('desks ready\n');
  const urls = (await new Promise<string>((resolve) => lines.once('line', resolve))).split(',');
  const ackMs: number[] = [];
  const sockets: Desk[] = [];
  await Promise.all(
    plan.desks.map(async (desk, i) => {
      const socket = await connect(urls[i % urls.length]!, desk.token);
      sockets.push(socket);
      // As a console does on every connect: catch up, then send the outbox.
      const sync = socket.emit('sync', { sinceSeq: since, limit: 500 });
      await send(
        socket,
        desk.dispatches.map((d) => ({
          event: 'dispatch',
          payload: { ...d, actor: actorOf(desk.id) },
        })),
        ackMs,
      );
      await sync;
    }),
  );
  const events = sockets.reduce((n, s) => n + s.events(), 0);
  sockets.forEach((s) => s.close());
  lines.close();
  process.stdout.write(`drained ${JSON.stringify({ ackMs, events } satisfies DrainResult)}\n`, () =>
    process.exit(0),
  );
}

const [mode, planFile, arg] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planFile!, 'utf8')) as DrainPlan;
(mode === 'upsert' ? upsert(plan, arg!) : dispatch(plan, Number(arg))).catch((error: unknown) => {
  process.stderr.write(`drain desks: ${(error as Error).message}\n`);
  process.exit(1);
});
