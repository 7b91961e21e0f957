/**
 * Reads one event from the hub so that a newer hub never stalls an older desk: the
 * envelope (seq, type, at) is read apart from the body. An event of a type this desk does
 * not know, or whose body it cannot read, is still a step in the hub's order: the desk
 * moves past it as a no-op. Fields it does not know are dropped and named, for the log.
 */
import { z } from 'zod';
import { EpochMs } from '../domain/case';
import { HubEvent } from './messages';

export const EventEnvelope = z
  .object({ seq: z.number().int().positive(), type: z.string().min(1).max(64), at: EpochMs })
  .loose();
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export type ReadEvent =
  /** An event this desk understands; `unknownFields` names what it dropped ("fields.x"). */
  | { kind: 'event'; event: HubEvent; unknownFields: string[] }
  /** A step in the hub's order this desk cannot use: pass its seq without effect. */
  | { kind: 'pass'; seq: number; type: string; reason: 'unknown type' | 'unreadable body' }
  /** Not an event at all (no seq): nothing can be done with it. */
  | { kind: 'malformed'; reason: string };

const KNOWN_TYPES: ReadonlySet<string> = new Set(HubEvent.options.map((o) => o.shape.type.value));

export function readHubEvent(raw: unknown): ReadEvent {
  // Nearly every event is one this desk reads whole: its body is checked first, once. An
  // event that passes it has a valid envelope too (the same seq and at, a known type).
  const body = HubEvent.safeParse(raw);
  if (body.success) {
    return { kind: 'event', event: body.data, unknownFields: droppedKeys(raw, body.data) };
  }
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { kind: 'malformed', reason: `${issue?.path.join('.') || 'event'}: ${issue?.message}` };
  }
  const { seq, type } = envelope.data;
  if (!KNOWN_TYPES.has(type)) return { kind: 'pass', seq, type, reason: 'unknown type' };
  return { kind: 'pass', seq, type, reason: 'unreadable body' };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys of `raw` that parsing dropped, at any depth, as dotted paths. */
export function droppedKeys(
  raw: unknown,
  parsed: unknown,
  prefix = '',
  into: string[] = [],
): string[] {
  if (!isRecord(raw) || !isRecord(parsed)) return into;
  // A loop, not flatMap: every event a desk takes in passes here.
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(parsed, key)) into.push(`${prefix}${key}`);
    else if (isRecord(raw[key])) droppedKeys(raw[key], parsed[key], `${prefix}${key}.`, into);
  }
  return into;
}
