/**
 * Idempotent messages are applied once. The first answer to a message is stored under its
 * id with the message type and the sender, so a repeat (a lost ack, a reconnect, a
 * restart) gets that same answer and changes nothing, while the id reused by another
 * message type or another sender is refused (`protocol.id_reused`): `ok: true` only ever
 * means that this message was applied, now or before.
 */
import { z } from 'zod';
import type { HubAck, HubErrorCode, HubEvent } from '../shared/hub/messages';
import { joined } from '../shared/store/joined';
import type { TokenEntry } from '../shared/hub/protocol';
import type { HubStore } from './store/store';

const StoredAck = z.object({ ok: z.literal(true) }).passthrough();

export interface Outcome<T> {
  ack: HubAck<T>;
  /** Events appended by this operation, in seq order, to broadcast after commit. */
  events: HubEvent[];
}

export const refuse = <T>(code: HubErrorCode, message: string): Outcome<T> => ({
  ack: { ok: false, error: { code, message } },
  events: [],
});

/** The messages whose id makes them idempotent, by their name on the wire. */
export type IdempotentMessage =
  | 'case.upsert'
  | 'case.claim'
  | 'case.append'
  | 'dispatch'
  | 'dispatch.withdraw'
  | 'call.log'
  | 'caller.block'
  | 'caller.unblock'
  | 'transition'
  | 'alarm.ack'
  | 'calendar.ack'
  | 'case.escalate'
  | 'case.reroute'
  | 'case.assign'
  | 'case.close'
  | 'report.sign'
  | 'routing.publish'
  | 'targets.publish'
  | 'export.logged';

export function createAppliedAnswers(db: HubStore) {
  const stored = db.prepare<[string], { type: string | null; sender: string | null; ack: string }>(
    'SELECT type, sender, ack FROM applied WHERE id = ?',
  );
  const remember = db.prepare('INSERT INTO applied (id, type, sender, ack) VALUES (?, ?, ?, ?)');

  const onceTx = joined(
    db,
    (
      type: IdempotentMessage,
      sender: string,
      id: string,
      op: () => Outcome<unknown>,
    ): Outcome<unknown> => {
      // Applied optimistically (store.ts), a new id is taken for one: a repeat then fails
      // on applied's key below, and the group is applied again with this lookup made.
      const seen = db.optimistic ? undefined : stored.get(id);
      if (seen) {
        // Null: an answer kept before types and senders were (0003), one the log could not
        // attribute; it still answers its repeat.
        if (seen.type !== null && seen.type !== type) {
          return refuse(
            'protocol.id_reused',
            `id ${id} already names a ${seen.type} message; a ${type} needs its own id`,
          );
        }
        if (seen.sender !== null && seen.sender !== sender) {
          return refuse('protocol.id_reused', `id ${id} was already used by another sender`);
        }
        // Only answers that applied are stored (below); anything else is not taken for one.
        const ack = StoredAck.safeParse(JSON.parse(seen.ack));
        if (!ack.success) return refuse('internal', `the stored answer to ${id} is unreadable`);
        return { ack: ack.data, events: [] };
      }
      const outcome = op();
      if (outcome.ack.ok) remember.run(id, type, sender, JSON.stringify(outcome.ack));
      else if (db.optimistic && stored.get(id)) {
        // A repeat refused now may have been applied before: its stored answer is the one.
        throw new Error(`message ${id} was applied before: apply the group again carefully`);
      }
      return outcome;
    },
  );

  return {
    /** Runs `op` once for message `type` with `id` from `who`: see the file's comment. */
    once<T>(
      type: IdempotentMessage,
      who: TokenEntry,
      id: string,
      op: () => Outcome<T>,
    ): Outcome<T> {
      return onceTx(type, `${who.kind}:${who.id}`, id, op) as Outcome<T>;
    },
  };
}

export type AppliedAnswers = ReturnType<typeof createAppliedAnswers>;
