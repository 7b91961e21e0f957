/**
 * Soft blocks on this desk: the one writer of the `blocks` table (the hub's `caller.flag`
 * events, and this desk's supervisor setting or lifting one through the outbox), and
 * `activeBlock(number, now)`, the read every screen of the intake uses. A block never
 * refuses a call; it is a banner with its reason and expiry.
 */
import type { Block, BlockKind } from '../../../shared/domain/blocks';
import type { HubEvent } from '../../../shared/hub/messages';
import type { Store } from './database';
import type { Outbox } from './outbox';

type FlagEvent = Extract<HubEvent, { type: 'caller.flag' }>;

interface BlockRow {
  id: string;
  number: string;
  kind: BlockKind;
  reason: string;
  set_at: number;
  until: number;
  set_by: string;
  lifted_at: number | null;
  lifted_by: string | null;
}

const toBlock = (r: BlockRow): Block => ({
  blockId: r.id,
  number: r.number,
  kind: r.kind,
  reason: r.reason,
  setAt: r.set_at,
  until: r.until,
  liftedAt: r.lifted_at,
  setBy: r.set_by,
  liftedBy: r.lifted_by,
});

/** The block in force on `number` at `now`, the latest set if several are; or null. */
export function activeBlock(db: Store, number: string, now: number): Block | null {
  const row = db
    .prepare<[string, number], BlockRow>(
      `SELECT * FROM blocks WHERE number = ? AND until > ? AND lifted_at IS NULL
       ORDER BY set_at DESC LIMIT 1`,
    )
    .get(number, now);
  return row ? toBlock(row) : null;
}

/** Blocks in force at `now`, and those lifted or expired in the `recentMs` before it. */
export function listBlocks(db: Store, now: number, recentMs: number): Block[] {
  return db
    .prepare<[number, number], BlockRow>(
      `SELECT * FROM blocks WHERE until > ? AND coalesce(lifted_at, until) > ?
       ORDER BY set_at DESC LIMIT 500`,
    )
    .all(now - recentMs, now - recentMs)
    .map(toBlock);
}

export function createBlockWrites(db: Store, outbox: Outbox) {
  const upsert = db.prepare(
    `INSERT INTO blocks (id, number, kind, reason, set_at, until, set_by, lifted_at, lifted_by)
     VALUES (@id, @number, @kind, @reason, @setAt, @until, @setBy, @liftedAt, @liftedBy)
     ON CONFLICT (id) DO UPDATE SET set_at = excluded.set_at, until = excluded.until,
       reason = excluded.reason,
       lifted_at = coalesce(blocks.lifted_at, excluded.lifted_at),
       lifted_by = coalesce(blocks.lifted_by, excluded.lifted_by)`,
  );
  const byId = db.prepare<[string], BlockRow>('SELECT * FROM blocks WHERE id = ?');
  const lift = db.prepare(
    'UPDATE blocks SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL',
  );
  const hashExpired = db.prepare('UPDATE blocks SET number = ? WHERE number = ? AND until < ?');

  return {
    activeBlock: (number: string, now: number): Block | null => activeBlock(db, number, now),
    list: (now: number, recentMs: number): Block[] => listBlocks(db, now, recentMs),

    /** Retention: a block that ended before the cutoff keeps only the number's hash. */
    hashExpired(number: string, hashed: string, cutoff: number): void {
      hashExpired.run(hashed, number, cutoff);
    },

    /** The hub set or lifted a block (anyone's, this desk's echoed): keep it as the hub says. */
    fromFlag(e: FlagEvent): void {
      const lifted = e.liftedAt !== null;
      upsert.run({
        id: e.blockId,
        number: e.number,
        kind: e.kind,
        reason: e.reason,
        setAt: e.setAt,
        until: e.until,
        // A lift names the lifter; the setter is known from the set, which came first.
        setBy: e.actor.person,
        liftedAt: e.liftedAt,
        liftedBy: lifted ? e.actor.person : null,
      });
    },

    /** A supervisor here set a block: shown at once, and sent to the hub for every desk. */
    set: db.transaction(
      (b: {
        blockId: string;
        number: string;
        reason: string;
        until: number;
        actor: { id: string; role: 'desk'; person: string };
        /** The supervisor's account: the sender puts their hub token in its place. */
        personAccount: string;
        now: number;
      }): void => {
        upsert.run({
          id: b.blockId,
          number: b.number,
          kind: 'manual',
          reason: b.reason,
          setAt: b.now,
          until: b.until,
          setBy: b.actor.person,
          liftedAt: null,
          liftedBy: null,
        });
        outbox.enqueue(
          'caller.block',
          b.blockId,
          {
            blockId: b.blockId,
            number: b.number,
            reason: b.reason,
            until: b.until,
            personAccount: b.personAccount,
            actor: b.actor,
          },
          b.now,
        );
      },
    ),

    /** A supervisor here lifted a block; false when this desk has no such block. */
    lift: db.transaction(
      (b: {
        unblockId: string;
        blockId: string;
        actor: { id: string; role: 'desk'; person: string };
        personAccount: string;
        now: number;
      }): boolean => {
        if (!byId.get(b.blockId)) return false;
        lift.run(b.now, b.actor.person, b.blockId);
        outbox.enqueue(
          'caller.unblock',
          b.unblockId,
          {
            unblockId: b.unblockId,
            blockId: b.blockId,
            personAccount: b.personAccount,
            actor: b.actor,
          },
          b.now,
        );
        return true;
      },
    ),
  };
}

export type BlockWrites = ReturnType<typeof createBlockWrites>;
