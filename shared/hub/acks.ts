/**
 * The hub's answers to every message, as schemas both clients parse at runtime: an answer
 * that does not match is never taken for a success (a desk retries the message; the hub
 * applies each id once, so a retry never acts twice). Extra fields are dropped, not
 * refused, so a newer hub may add to an answer. `error.code` is any string: a code this
 * side does not know yet is still a refusal it can show and log.
 */
import { z } from 'zod';
import { EpochMs } from '../domain/case';
import { OpdDispatch } from './opd-messages';
import { HelloAck } from './protocol';

export const AckError = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(2000),
});
export type AckError = z.infer<typeof AckError>;

const Refused = z.object({ ok: z.literal(false), error: AckError });

/** `{ ok: true, …shape }` or `{ ok: false, error: { code, message } }`. */
export const ackOf = <S extends z.ZodRawShape>(shape: S) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), Refused]);

const Seq = z.number().int().positive();

/** case.upsert, case.claim, case.append, dispatch.withdraw, call.log, caller.block, caller.unblock, transition. */
export const SeqAck = ackOf({ seq: Seq });
export const DispatchAck = ackOf({ hubSeq: Seq, queuedAt: EpochMs });
/** Events are read one by one (event-envelope.ts): one a desk cannot read stalls nothing. */
export const SyncAck = ackOf({
  events: z.array(z.unknown()).max(1000),
  lastSeq: z.number().int().nonnegative(),
});
export const InboxAck = ackOf({ dispatches: z.array(OpdDispatch) });
export const HelloAnswer = ackOf(HelloAck.shape);

/** report.sign: when the hub stored the signed report (the first time, on a repeat). */
export const ReportSignAck = ackOf({ storedAt: EpochMs });
/** export.logged: when the hub recorded the export in the audit log. */
export const ExportLoggedAck = ackOf({ recordedAt: EpochMs });

/** The answer to each message a desk's outbox sends. */
export const OUTBOX_ACKS = {
  'case.upsert': SeqAck,
  'case.claim': SeqAck,
  'case.append': SeqAck,
  'dispatch.withdraw': SeqAck,
  'call.log': SeqAck,
  'caller.block': SeqAck,
  'caller.unblock': SeqAck,
  dispatch: DispatchAck,
  'report.sign': ReportSignAck,
  'export.logged': ExportLoggedAck,
} as const;
export type OutboxAck = z.infer<(typeof OUTBOX_ACKS)[keyof typeof OUTBOX_ACKS]>;
