/**
 * The hub's soft blocks: a supervisor sets or lifts one (`caller.block`, `caller.unblock`),
 * and the hub sets one itself when a stored call brings its number to the count of the
 * rule (shared/domain/blocks.ts, numbers from resources/data/screening.json). Each change
 * is a `caller.flag` event, so every desk has it, and a desk that was away replays it.
 * Nothing here refuses a call: a block is a banner on the intake screen. Only a supervisor
 * (their person token, person-auth.ts) sets or lifts one, and each is in the audit log.
 */
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  AUTO_REASON,
  autoBlockKind,
  isActiveBlock,
  type BlockKind,
  type BlockRules,
} from '../shared/domain/blocks';
import type { Actor, CallerBlock, CallerUnblock, HubEvent } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { EventLog } from './event-log';
import type { PersonAuth } from './person-auth';
import type { HubStore } from './store/store';

interface BlockRow {
  id: string;
  number: string;
  kind: BlockKind;
  reason: string;
  set_at: number;
  until: number;
  lifted_at: number | null;
}

const HOUR_MS = 3_600_000;

export function createBlockOperations(
  db: HubStore,
  eventLog: EventLog,
  once: AppliedAnswers['once'],
  rules: BlockRules,
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
) {
  const insert = db.prepare(
    `INSERT INTO blocks (id, number, kind, reason, set_at, until, set_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], BlockRow>('SELECT * FROM blocks WHERE id = ?');
  const lift = db.prepare('UPDATE blocks SET lifted_at = ?, lifted_by = ? WHERE id = ?');
  const ofNumber = db.prepare<[string], BlockRow>(
    'SELECT * FROM blocks WHERE number = ? ORDER BY set_at DESC LIMIT 20',
  );
  const lastLift = db.prepare<[string], { at: number | null }>(
    'SELECT max(lifted_at) AS at FROM blocks WHERE number = ?',
  );
  const recentCalls = db.prepare<[string, number, number], { at: number; disposition: string }>(
    // A silent call whose callback found a genuine caller (who could not speak) never counts.
    `SELECT at, disposition FROM calls
     WHERE caller_number = ? AND at > ? AND at <= ? AND coalesce(callback, '') <> 'genuine'`,
  );
  const longestWindowMs = Math.max(rules.prank.windowMinutes, rules.silent.windowMinutes) * 60_000;

  const flag = (row: BlockRow, actor: z.output<typeof Actor>, at: number): HubEvent =>
    eventLog.append({
      type: 'caller.flag',
      at,
      actor,
      blockId: row.id,
      number: row.number,
      kind: row.kind,
      reason: row.reason,
      setAt: row.set_at,
      until: row.until,
      liftedAt: row.lifted_at,
    });

  function setBlock(row: Omit<BlockRow, 'lifted_at'>, actor: z.output<typeof Actor>): HubEvent {
    insert.run(
      row.id,
      row.number,
      row.kind,
      row.reason,
      row.set_at,
      row.until,
      JSON.stringify(actor),
    );
    return flag({ ...row, lifted_at: null }, actor, row.set_at);
  }

  return {
    block(who: TokenEntry, msg: z.output<typeof CallerBlock>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('caller.block', who, msg.blockId, () => {
        // Checked inside: a repeat of a block already applied gets its answer, token or not.
        const supervisor = auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        const at = now();
        audit.record({
          at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'caller.block',
          desk: who.id,
          details: {
            blockId: msg.blockId,
            number: msg.number,
            reason: msg.reason,
            until: msg.until,
          },
        });
        const event = setBlock(
          {
            id: msg.blockId,
            number: msg.number,
            kind: 'manual',
            reason: msg.reason,
            set_at: at,
            until: msg.until,
          },
          msg.actor,
        );
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    unblock(who: TokenEntry, msg: z.output<typeof CallerUnblock>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('caller.unblock', who, msg.unblockId, () => {
        const supervisor = auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        const row = byId.get(msg.blockId);
        if (!row) return refuse('block.unknown', `no soft block ${msg.blockId}`);
        audit.record({
          at: now(),
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'caller.unblock',
          desk: who.id,
          details: { blockId: row.id, number: row.number },
        });
        // Lifted already (by another supervisor): nothing changes, and that is an answer too.
        const lifted = { ...row, lifted_at: row.lifted_at ?? now() };
        if (row.lifted_at === null) lift.run(lifted.lifted_at, JSON.stringify(msg.actor), row.id);
        const event = flag(lifted, msg.actor, now());
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /**
     * Called from `call.log` once a call is stored: when it brings its number to the count,
     * the hub sets an automatic block for `autoHours`. A number with an active block gets
     * no second one; calls before a supervisor lifted a block do not count again.
     */
    afterCall(
      call: { callId: string; at: number; disposition: string; callerNumber: string | null },
      actor: z.output<typeof Actor>,
    ): HubEvent[] {
      const number = call.callerNumber;
      if (number === null || !number.startsWith('+')) return [];
      const at = now();
      if (
        ofNumber
          .all(number)
          .some((b) => isActiveBlock({ until: b.until, liftedAt: b.lifted_at }, at))
      )
        return [];
      const calls = recentCalls.all(number, call.at - longestWindowMs, call.at);
      const kind = autoBlockKind(calls, call, rules, lastLift.get(number)?.at ?? 0);
      if (!kind) return [];
      const event = setBlock(
        {
          id: uuidv7(),
          number,
          kind,
          reason: AUTO_REASON[kind],
          set_at: at,
          until: at + rules.autoHours * HOUR_MS,
        },
        actor,
      );
      return [event];
    },
  };
}
