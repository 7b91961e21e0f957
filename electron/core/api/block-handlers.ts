/**
 * Soft blocks through the console API: any operator reads the block on a number (the
 * intake's banner); only a supervisor sets, lifts or lists them. A set or lift is shown
 * here at once and goes to the hub through the outbox, which tells every desk.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Operator } from '../../../shared/domain/case';
import { normalizeNumber } from '../../../shared/domain/phone';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';
import type { Session } from '../session';

const HOUR_MS = 3_600_000;

/** The supervisor signed in on the calling screen, or a typed refusal. */
export function requireSupervisor(session: Session): Operator {
  const operator = requireOperator(session);
  if (operator.role !== 'supervisor')
    throw new CoreError('auth.not_supervisor', 'Only a supervisor may do this.');
  return operator;
}

export function blockHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'caller.activeBlock' | 'caller.block' | 'caller.unblock' | 'blocks.list'> {
  const changed = (): void => {
    ctx.outboxChanged();
    ctx.emit({ event: 'callers.changed', payload: {} });
  };
  return {
    'caller.activeBlock': ({ number }, session) => {
      requireOperator(session);
      const checked = normalizeNumber(number);
      return { block: checked.ok ? ctx.store.blocks.activeBlock(checked.e164, ctx.now()) : null };
    },
    'caller.block': ({ number, reason, hours }, session) => {
      const supervisor = requireSupervisor(session);
      const checked = normalizeNumber(number);
      if (!checked.ok) {
        throw new CoreError('block.number_invalid', 'This number cannot be blocked.', {
          number: 'intake.number_invalid',
        });
      }
      const now = ctx.now();
      const blockId = uuidv7();
      const actor = { id: ctx.deskId, role: 'desk', person: supervisor.displayName } as const;
      ctx.store.blocks.set({
        blockId,
        number: checked.e164,
        reason,
        until: now + hours * HOUR_MS,
        actor,
        personAccount: supervisor.id,
        now,
      });
      changed();
      return { block: ctx.store.blocks.activeBlock(checked.e164, now)! };
    },
    'caller.unblock': ({ blockId }, session) => {
      const supervisor = requireSupervisor(session);
      const actor = { id: ctx.deskId, role: 'desk', person: supervisor.displayName } as const;
      if (
        !ctx.store.blocks.lift({
          unblockId: uuidv7(),
          blockId,
          actor,
          personAccount: supervisor.id,
          now: ctx.now(),
        })
      )
        throw new CoreError('block.not_found', 'This block is not on this desk.');
      changed();
      return {};
    },
    'blocks.list': (_args, session) => {
      requireSupervisor(session);
      return { blocks: ctx.store.blocks.list(ctx.now(), 24 * HOUR_MS) };
    },
  };
}
