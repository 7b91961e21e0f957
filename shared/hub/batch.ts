/**
 * Fewer packets for the same messages, between peers that list the feature in `hello`
 * (protocol.ts): a desk's outbox sends its window as `batch` packets, and the hub pushes
 * the events of a commit as one `events` packet. socket.io spends far more per packet than
 * per message in it, on both ends; nothing else about the messages changes.
 */
import { z } from 'zod';
import { ackOf, OUTBOX_ACKS } from './acks';

/** Messages in one batch at most: a desk's whole window. */
export const BATCH_MAX = 32;
/** Events in one `events` packet at most. */
export const EVENTS_MAX = 500;

/** What may travel in a batch: the messages a desk's outbox sends, and nothing else. */
export const BATCHABLE: ReadonlySet<string> = new Set(Object.keys(OUTBOX_ACKS));

/**
 * `batch` `{ messages: [{ name, payload }] }`: the hub applies each message in order
 * exactly as if it had come alone, and answers once all of them are durable.
 */
export const Batch = z
  .object({
    messages: z
      .array(z.object({ name: z.string().min(1).max(64), payload: z.unknown() }).strict())
      .min(1)
      .max(BATCH_MAX),
  })
  .strict();
export type Batch = z.infer<typeof Batch>;

/**
 * The answers in the order of the messages, each read with its own message's schema. A
 * refusal of the batch itself refuses none of its messages: the desk sends them again.
 */
export const BatchAck = ackOf({ answers: z.array(z.unknown()).max(BATCH_MAX) });

/** `events`: events as `event` carries them, in seq order, read one by one. */
export const EventsPush = z.array(z.unknown()).min(1).max(EVENTS_MAX);
