/**
 * Seeded payloads for fuzzing the hub: built by walking the protocol's zod schemas
 * (shared/hub), with ids, actors and seqs drawn from what the hub has seen so that many
 * messages reach its deeper checks, then mutated (keys dropped or added, values of other
 * JSON types, oversized text, binary placeholders). Every choice comes from `random`, so a
 * seed replays the same payloads.
 */
import { z } from 'zod';
import type { Random } from '../../electron/core/seed/random';
import {
  AccountBootstrap,
  AccountCreate,
  AccountResetPassword,
  AccountSetEnabled,
  AuditList,
  SessionOpen,
} from '../../shared/hub/account-messages';
import { DashboardSubscribe, DeskPerson } from '../../shared/hub/dashboard';
import {
  CallerBlock,
  CallerUnblock,
  CallLog,
  CaseAppend,
  CaseClaim,
  CaseUpsert,
  DispatchRequest,
  DispatchWithdraw,
  ReportSignMessage,
  SyncRequest,
  Transition,
  CalendarAck,
} from '../../shared/hub/messages';
import {
  AlarmAck,
  CaseAssign,
  CaseEscalate,
  CaseReroute,
} from '../../shared/hub/supervisor-messages';
import { CaseClose } from '../../shared/hub/closing-messages';
import { RoutingPublish, RulesHistory, TargetsPublish } from '../../shared/hub/rules-messages';
import { ExportLogged } from '../../shared/hub/export-messages';
import { Batch } from '../../shared/hub/batch';

/** Every message a peer may send, with its schema (hello and inbox take `{}`). */
export const MESSAGES: Readonly<Record<string, z.ZodType>> = {
  hello: z.object({}),
  inbox: z.object({}),
  sync: SyncRequest,
  'case.upsert': CaseUpsert,
  'case.claim': CaseClaim,
  'case.append': CaseAppend,
  dispatch: DispatchRequest,
  'dispatch.withdraw': DispatchWithdraw,
  'call.log': CallLog,
  transition: Transition,
  // A supervisor's messages, which the hub takes only with a supervisor's person token.
  'caller.block': CallerBlock,
  'caller.unblock': CallerUnblock,
  'alarm.ack': AlarmAck,
  'case.escalate': CaseEscalate,
  'case.reroute': CaseReroute,
  'case.assign': CaseAssign,
  'report.sign': ReportSignMessage,
  'case.close': CaseClose,
  'audit.list': AuditList,
  // Accounts: sign-in, the first supervisor, and a supervisor's changes.
  'session.open': SessionOpen,
  'account.bootstrap': AccountBootstrap,
  'account.create': AccountCreate,
  'account.setEnabled': AccountSetEnabled,
  'account.resetPassword': AccountResetPassword,
  // Presence and the dashboard.
  'desk.person': DeskPerson,
  'dashboard.subscribe': DashboardSubscribe,
  'routing.publish': RoutingPublish,
  'targets.publish': TargetsPublish,
  'routing.history': RulesHistory,
  'targets.history': RulesHistory,
  'export.logged': ExportLogged,
  'calendar.ack': CalendarAck,
  // Several outbox messages in one packet (its payload is made by sampleBatch).
  batch: Batch,
};

/** The key that makes a message idempotent, by message name. */
export const ID_KEY: Readonly<Record<string, string>> = {
  'case.upsert': 'changeId',
  'case.claim': 'changeId',
  'case.append': 'changeId',
  dispatch: 'dispatchId',
  'dispatch.withdraw': 'withdrawId',
  'call.log': 'callId',
  transition: 'transitionId',
  'caller.block': 'blockId',
  'caller.unblock': 'unblockId',
  'alarm.ack': 'ackId',
  'case.escalate': 'escalateId',
  'case.reroute': 'rerouteId',
  'case.assign': 'assignId',
  'report.sign': 'reportId',
  'case.close': 'closeId',
  'routing.publish': 'publishId',
  'targets.publish': 'publishId',
  'export.logged': 'exportId',
  'calendar.ack': 'ackId',
};

export interface FuzzWorld {
  /** Every id sent so far: reusing them across types and senders is half the point. */
  ids: string[];
  /** Ids of messages the hub applied. */
  applied: string[];
  caseIds: string[];
  dispatchIds: string[];
  opdIds: readonly string[];
  actors: ReadonlyArray<{ id: string; role: string; person: string }>;
  lastSeq: number;
  /** Real people at the hub: their tokens (a supervisor's, an operator's), names and ids. */
  personTokens: readonly string[];
  usernames: readonly string[];
  accountIds: readonly string[];
}

/** A v7-shaped UUID from the seed (uuid's own v7 reads the clock). */
export function seededUuid(r: Random): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
  return `${hex(8)}-${hex(4)}-7${hex(3)}-${'89ab'[r.int(0, 3)]}${hex(3)}-${hex(12)}`;
}

const ODD_TEXT = [
  '',
  ' ',
  '\u0000',
  '<img src=x onerror=alert(1)>',
  'Pohon tumbang',
  '\ud800',
  '👍🏽',
  '__proto__',
  '../../etc/passwd',
];

function text(r: Random, min: number, max: number): string {
  if (r.chance(0.2)) return r.pick(ODD_TEXT);
  const length = r.int(min, Math.min(max, min + 24));
  return Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789-. '[r.int(0, 38)]).join(
    '',
  );
}

const UUID_KEYS = new Set([
  'changeId',
  'caseId',
  'dispatchId',
  'newDispatchId',
  'withdrawId',
  'transitionId',
  'callId',
  'accountId',
  ...Object.values(ID_KEY),
  'publishId',
  'exportId',
]);

function uuidFor(key: string, r: Random, w: FuzzWorld): string {
  const pool =
    key === 'caseId'
      ? w.caseIds
      : key === 'dispatchId'
        ? w.dispatchIds
        : key === 'accountId'
          ? w.accountIds
          : ([] as readonly string[]);
  const choice = r.weighted([
    ['fresh', 5],
    ['reused', 2],
    ['applied', w.applied.length > 0 ? 3 : 0],
    ['known', pool.length > 0 ? 4 : 0],
  ] as const);
  if (choice === 'reused' && w.ids.length > 0) return r.pick(w.ids);
  if (choice === 'known') return r.pick(pool);
  if (choice === 'applied') return r.pick(w.applied);
  return seededUuid(r);
}

function seqFor(r: Random, w: FuzzWorld): number {
  return r.weighted([
    [0, 3],
    [w.lastSeq, 3],
    [Math.max(0, w.lastSeq - r.int(0, 5)), 2],
    [w.lastSeq + r.int(1, 1000), 2],
    [2 ** 53 - 1, 1],
  ] as const);
}

/** A value for `schema`, found under `key` in its parent (ids, actors and seqs by key). */
export function sample(schema: z.ZodType, r: Random, w: FuzzWorld, key = ''): unknown {
  if (key === 'actor' && r.chance(0.9)) return { ...r.pick(w.actors) };
  if (UUID_KEYS.has(key) && r.chance(0.95)) return uuidFor(key, r, w);
  if (key === 'personToken' && w.personTokens.length > 0 && r.chance(0.8))
    return r.pick(w.personTokens);
  if (key === 'username' && w.usernames.length > 0 && r.chance(0.5)) return r.pick(w.usernames);
  if (key === 'opdId' && r.chance(0.9)) return r.pick(w.opdIds);
  if ((key === 'baseSeq' || key === 'sinceSeq') && r.chance(0.9)) return seqFor(r, w);

  const s = schema as unknown as {
    _zod: { def: Record<string, unknown> & { type: string } };
    minLength?: number | null;
    maxLength?: number | null;
    minValue?: number | null;
    maxValue?: number | null;
    isInt?: boolean;
  };
  const def = s._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(shape)) {
        const optional = (v as unknown as { _zod: { def: { type: string } } })._zod.def.type;
        if ((optional === 'optional' || optional === 'default') && r.chance(0.5)) continue;
        out[k] = sample(v, r, w, k);
      }
      return out;
    }
    case 'string':
      return text(r, s.minLength ?? 0, s.maxLength ?? 64);
    case 'number': {
      const min = Math.max(s.minValue ?? -1000, -1e15);
      const max = Math.min(s.maxValue ?? 1000, 1e15);
      const n = min + r.next() * (max - min);
      return s.isInt ? Math.round(n) : n;
    }
    case 'boolean':
      return r.chance(0.5);
    case 'enum':
      return r.pick(Object.values(def.entries as Record<string, string>));
    case 'literal':
      return (def.values as unknown[])[0];
    case 'union':
      return sample(r.pick(def.options as z.ZodType[]), r, w, key);
    case 'nullable':
      return r.chance(0.2) ? null : sample(def.innerType as z.ZodType, r, w, key);
    case 'optional':
    case 'default':
      return sample(def.innerType as z.ZodType, r, w, key);
    case 'pipe':
      return sample(def.in as z.ZodType, r, w, key);
    default:
      return null;
  }
}

/** A JSON value of a random type, sometimes deep or large. */
export function anyJson(r: Random, depth = 0): unknown {
  const kind = r.int(0, depth > 2 ? 5 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, r.int(-1e6, 1e6)]);
    case 3:
      return text(r, 0, 40);
    case 4:
      return r.chance(0.1) ? 'x'.repeat(r.int(2001, 5000)) : text(r, 0, 8);
    case 5:
      return r.chance(0.05) ? nested(r.int(50, 400)) : [];
    case 6:
      return Array.from({ length: r.int(0, 3) }, () => anyJson(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(0, 3); i > 0; i--) put(out, r.pick(ROGUE_KEYS), anyJson(r, depth + 1));
      return out;
    }
  }
}

const nested = (depth: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Sets an own key, "__proto__" included, as JSON.parse would. */
const put = (o: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

const ROGUE_KEYS = ['rogue', '__proto__', 'constructor', 'prototype', 'toString', 'seq', 'ok'];

/** Where a mutation may land: the object or array holding a value, and its key. */
function slots(value: unknown, out: Array<[Record<string, unknown>, string]> = []) {
  if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      out.push([value as Record<string, unknown>, k]);
      slots((value as Record<string, unknown>)[k], out);
    }
  }
  return out;
}

/** A binary attachment's place in a payload (socket.io's encoding). */
export const placeholder = (num: number) => ({ _placeholder: true, num });

/**
 * Mutates `payload` in place (one to three changes); returns it, or what replaced it when
 * the whole payload was swapped. Buffers placed in it are counted in `attachments`.
 */
export function mutate(payload: unknown, r: Random, attachments: Buffer[]): unknown {
  let root = payload;
  for (let n = r.int(1, 3); n > 0; n--) {
    const places = slots(root);
    const op = r.int(0, places.length > 0 ? 5 : 1);
    if (op === 0) {
      root = anyJson(r);
      continue;
    }
    if (op === 1) {
      if (root && typeof root === 'object' && !Array.isArray(root))
        put(root as Record<string, unknown>, r.pick(ROGUE_KEYS), anyJson(r));
      else root = put({}, r.pick(ROGUE_KEYS), root);
      continue;
    }
    const [holder, key] = r.pick(places);
    if (op === 2) delete holder[key];
    else if (op === 3) holder[key] = anyJson(r);
    else if (op === 4) {
      const buf = Buffer.from(Array.from({ length: r.int(0, 64) }, () => r.int(0, 255)));
      holder[key] = placeholder(attachments.length);
      attachments.push(buf);
    } else {
      const v = holder[key];
      holder[key] = typeof v === 'string' ? v.repeat(r.int(2, 200)) : [v];
    }
  }
  return root;
}
