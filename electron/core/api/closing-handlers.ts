/**
 * Closing a resolved case and a reporter's callback about it, through the console API.
 * Closing is a supervisor's: refused here for anyone else (`auth.not_supervisor`), then
 * asked of the hub with the supervisor's person token, which decides for the whole center;
 * its `case.closed` event closes the case on every desk, this one included. A callback is
 * any operator's and is saved like any edit (the outbox takes it to the hub), offline too.
 */
import { v7 as uuidv7 } from 'uuid';
import { isCaseClosable } from '../../../shared/domain/lifecycle';
import { SeqAck } from '../../../shared/hub/acks';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { askHub } from '../hub/ask-hub';
import type { Session } from '../session';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';

/** How long a supervisor waits for the hub's answer before being told it is unreachable. */
export function closingHandlers(ctx: CoreContext): Pick<Handlers, 'case.close' | 'case.callback'> {
  /** Sends the close to the hub and waits for its answer; a refusal is a typed error. */
  async function askClose(session: Session, caseId: string, note: string | undefined) {
    const supervisor = requireSupervisor(session);
    const token = ctx.people.tokenFor(supervisor.id);
    await askHub(
      ctx,
      'case.close',
      {
        closeId: uuidv7(),
        caseId,
        ...(note ? { note } : {}),
        ...(token && token !== 'pending' ? { personToken: token } : {}),
        actor: { id: ctx.deskId, role: 'desk', person: supervisor.displayName },
      },
      SeqAck,
      'closing a case needs it',
      ['auth.not_supervisor'],
    );
  }

  return {
    'case.close': async ({ caseId, note }, session) => {
      requireSupervisor(session);
      const detail = ctx.store.cases.detail(caseId, ctx.now());
      if (!detail) throw new CoreError('case.not_found', 'No such case on this desk.');
      if (!isCaseClosable(detail.status)) {
        throw new CoreError('case.not_resolved', 'Only a resolved case is closed.');
      }
      await askClose(session, caseId, note);
      return {};
    },
    'case.callback': ({ caseId, fixed, reason }, session) => {
      const operator = requireOperator(session);
      const dispatches = ctx.store.cases.callback(
        caseId,
        { fixed, reason },
        {
          operatorId: operator.id,
          actor: { id: ctx.deskId, role: 'desk', person: operator.displayName },
          now: ctx.now(),
        },
      );
      ctx.outboxChanged();
      ctx.emit({ event: 'queue.changed', payload: { caseId } });
      return { dispatches };
    },
  };
}
