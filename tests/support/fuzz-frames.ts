/**
 * Seeded frames for fuzzing the hub over a raw WebSocket: socket.io event packets (names
 * of every JSON type or none, schema-made payloads mutated, binary attachments, with or
 * without an ack id), other socket.io packets, and engine.io frames of any type.
 */
import type { Random } from '../../electron/core/seed/random';
import { BATCHABLE } from '../../shared/hub/batch';
import {
  ID_KEY,
  MESSAGES,
  anyJson,
  mutate,
  placeholder,
  sample,
  type FuzzWorld,
} from './fuzz-payloads';

export type Frame =
  /** An event packet with an ack id: the hub must answer it (unless it closes the link). */
  | {
      kind: 'request';
      name: unknown;
      json: string;
      attachments: Buffer[];
      /** How many attachments the packet's header announces (not always as many as sent). */
      announced: number;
      /** The idempotency id sent, when the payload is a message's object with one. */
      id?: string;
    }
  /** Frames sent as they are; nothing is answered. */
  | { kind: 'raw'; label: string; frames: Array<string | Buffer> };

const NO_NAME = Symbol('no name');

/** The messages each namespace serves (the others are tried too, less often). */
const OWN: Readonly<Record<string, readonly string[]>> = {
  '/desk': [
    'hello',
    'sync',
    'batch',
    'case.upsert',
    'case.claim',
    'case.append',
    'dispatch',
    'dispatch.withdraw',
    'call.log',
    'caller.block',
    'caller.unblock',
    'alarm.ack',
    'case.escalate',
    'case.reroute',
    'case.assign',
    'report.sign',
    'case.close',
    'audit.list',
    'session.open',
    'account.create',
    'account.setEnabled',
    'account.resetPassword',
    'desk.person',
    'dashboard.subscribe',
    'routing.publish',
    'targets.publish',
    'routing.history',
  ],
  '/opd': ['hello', 'inbox', 'transition'],
  '/supervisor': ['hello', 'sync'],
};

/** A message name: mostly the protocol's, but every JSON type, odd strings, or none. */
function pickName(r: Random, ns: string): unknown {
  const known = Object.keys(MESSAGES);
  return r.weighted<() => unknown>([
    [() => r.pick(OWN[ns] ?? known), 24],
    [() => r.pick(known), 6],
    [() => r.pick(['error', '__proto__', 'constructor', 'hasOwnProperty', '', 'x'.repeat(300)]), 2],
    [() => r.pick([0, 1, -7, 2.5, 1e300, 2 ** 53 + 1]), 3],
    [() => r.pick([true, false, null]), 1],
    [() => [r.pick(known)], 1],
    [() => ({ name: r.pick(known) }), 1],
    [() => NO_NAME, 3],
  ])();
}

const rawEngine = (r: Random): Array<string | Buffer> =>
  r.weighted<() => Array<string | Buffer>>([
    [() => [r.pick(['2', '3', '2probe', '5', '6', '7', '9', '', 'x', '4'])], 4],
    [() => [Buffer.from([r.int(0, 255), r.int(0, 255), r.int(0, 255)])], 2],
    [() => [`4${r.pick(['x', '9', '2', '2/', '2/desk', '5', '51-', '5x-', '6'])}`], 3],
    [
      () => [
        `4${r.pick(['0/opd,', '0/nowhere,', '0,', '0/desk,'])}{"token":"nope-nope-nope-1234"}`,
      ],
      2,
    ],
    [() => [`43${r.pick(['/desk', '/opd', '/supervisor'])},${r.int(1_000_000, 2_000_000)}[{}]`], 2],
    [() => [`44/desk,{"message":"x"}`, '41/opd,'], 1],
    [() => [`4${r.pick(['2/desk,', '2/opd,', '2/supervisor,'])}${JSON.stringify(anyJson(r))}`], 3],
    [() => ['1'], 1],
  ])();

/** The next frame for a peer of namespace `ns`. */
export function nextFrame(r: Random, w: FuzzWorld, ns: string): Frame {
  if (r.chance(0.12)) {
    const frames = rawEngine(r);
    return {
      kind: 'raw',
      label: `engine ${JSON.stringify(String(frames[0]).slice(0, 24))}`,
      frames,
    };
  }
  const name = pickName(r, ns);
  const schema =
    typeof name === 'string' && Object.hasOwn(MESSAGES, name) ? MESSAGES[name] : undefined;
  let payload: unknown =
    name === 'batch' ? sampleBatch(r, w) : schema ? sample(schema, r, w) : anyJson(r);
  const attachments: Buffer[] = [];
  if (r.chance(0.55)) payload = mutate(payload, r, attachments);
  // A binary packet's attachment count is its header's; a mismatch is part of the test.
  if (attachments.length === 0 && r.chance(0.05)) {
    payload = [payload, placeholder(r.int(0, 2))];
    attachments.push(Buffer.from('lampiran'));
  }
  const announced = r.chance(0.1) ? r.int(0, attachments.length + 2) : attachments.length;

  const data: unknown[] = name === NO_NAME ? [] : [name];
  if (payload !== undefined && (name !== NO_NAME || r.chance(0.5))) data.push(payload);
  if (r.chance(0.05)) data.push(anyJson(r)); // a second payload
  const json = data.length === 0 && r.chance(0.5) ? '' : JSON.stringify(data);
  const idKey = typeof name === 'string' && Object.hasOwn(ID_KEY, name) ? ID_KEY[name] : undefined;
  const fields = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  // A call's later change (a callback's outcome) is its own message, named by its changeId.
  const idValue =
    name === 'call.log' && typeof fields.changeId === 'string'
      ? fields.changeId
      : idKey
        ? fields[idKey]
        : undefined;
  const id = typeof idValue === 'string' ? idValue : undefined;
  if (r.chance(0.08)) {
    // No ack id: the hub answers nothing and must apply nothing.
    const header = announced > 0 ? `45${announced}-${ns},` : `42${ns},`;
    return {
      kind: 'raw',
      label: `event without ack ${describeName(name)}`,
      frames: [header + json, ...attachments],
    };
  }
  return { kind: 'request', name, json, attachments, announced, ...(id ? { id } : {}) };
}

/** A batch of a few outbox messages, each made from its own schema (then mutated or not). */
function sampleBatch(r: Random, w: FuzzWorld): unknown {
  const names = [...BATCHABLE].filter((n) => Object.hasOwn(MESSAGES, n));
  return {
    messages: Array.from({ length: r.int(1, 4) }, () => {
      const name = r.pick(names);
      return { name, payload: sample(MESSAGES[name]!, r, w) };
    }),
  };
}

export const describeName = (name: unknown): string =>
  name === NO_NAME ? '(no name)' : (JSON.stringify(name)?.slice(0, 40) ?? String(name));
