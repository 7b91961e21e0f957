/**
 * Screening a call out with one key (`call.screen`) and recording how calling a silent
 * caller back went (`call.callback`). Neither opens a case; both reach the hub.
 */
import { normalizeNumber } from '../../../shared/domain/phone';
import type { CoreContext } from '../context';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';

export function callHandlers(ctx: CoreContext): Pick<Handlers, 'call.screen' | 'call.callback'> {
  return {
    'call.screen': (args, session) => {
      const operator = requireOperator(session);
      const typed = args.withheld ? '' : args.callerNumber;
      const number = typed === '' ? null : normalizeNumber(typed);
      const result = ctx.calls.screen({
        callId: args.callId,
        startedAt: args.startedAt,
        endedAt: Math.max(ctx.now(), args.startedAt),
        callerE164: number?.ok ? number.e164 : null,
        withheld: args.withheld,
        // The call happened: a number that does not read as one is kept as typed.
        numberText: number && !number.ok ? typed : null,
        disposition: args.disposition,
        note: args.note,
        ticks: args.ticks,
        operatorId: operator.id,
        operatorName: operator.displayName,
        deskId: ctx.deskId,
        actor: { id: ctx.deskId, role: 'desk', person: operator.displayName },
      });
      if (!result.duplicate) ctx.outboxChanged();
      return result;
    },
    'call.callback': ({ callId, outcome }, session) => {
      const operator = requireOperator(session);
      const recorded = ctx.calls.callback(
        callId,
        outcome,
        { id: ctx.deskId, role: 'desk', person: operator.displayName },
        ctx.now(),
      );
      ctx.outboxChanged();
      return recorded;
    },
  };
}
