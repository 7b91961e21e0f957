/**
 * Reading what a peer sent before anything is trusted: one socket.io event packet split into
 * its name, payload and ack, and a peer-chosen name made safe for logs and errors.
 */
import type { HubAck, HubErrorCode } from '../shared/hub/messages';

/** Applies one message's payload (validated by the handler itself) and gives its answer. */
export type Handler = (payload: unknown) => HubAck<object>;

/** The answer to a message the hub does not apply. */
export const refusal = (code: HubErrorCode, message: string): HubAck<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * One incoming event packet as socket.io hands it over: `[name, ...data, ack?]`, all of it
 * from the peer. socket.io-parser lets a number, or no name at all, through as the name;
 * the ack is a function socket.io appends only when the packet asked for an answer (JSON
 * data never holds a function).
 */
export function readPacket(args: readonly unknown[]): {
  name: unknown;
  payload: unknown;
  /** Data items after the payload (none in protocol v1). */
  extra: number;
  ack: ((answer: HubAck<object>) => void) | undefined;
} {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as (answer: HubAck<object>) => void) : undefined;
  const data = ack ? args.slice(0, -1) : args;
  return { name: data[0], payload: data[1], extra: Math.max(0, data.length - 2), ack };
}

/** A peer-chosen message name, safe and short for a log line or an error message. */
export function nameForLog(name: unknown): string {
  if (typeof name === 'string') return name.slice(0, 64);
  if (name === undefined) return 'no name';
  if (name === null) return 'null';
  if (Array.isArray(name)) return 'an array';
  return `a ${typeof name}`;
}
