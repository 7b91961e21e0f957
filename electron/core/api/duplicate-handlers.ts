/**
 * Duplicate reports: the open cases that are probably the incident being recorded, and
 * ending a call as a co-reporter of one of them (Alt+G). Joining dispatches nothing.
 */
import { normalizeNumber } from '../../../shared/domain/phone';
import type { CoreContext } from '../context';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';

export function duplicateHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'case.duplicates' | 'case.join'> {
  return {
    'case.duplicates': (query, session) => {
      requireOperator(session);
      return { suggestions: ctx.store.duplicates.reads.suggest(query, ctx.now()) };
    },
    'case.join': ({ callId, startedAt, caseId, caller }, session) => {
      const operator = requireOperator(session);
      const number = caller.withheld ? null : normalizeNumber(caller.callerNumber);
      const joined = ctx.store.duplicates.writes.join({
        callId,
        caseId,
        startedAt,
        endedAt: Math.max(ctx.now(), startedAt),
        callerName: caller.callerName,
        callerE164: number && number.ok ? number.e164 : null,
        operatorId: operator.id,
        deskId: ctx.deskId,
        actor: { id: ctx.deskId, role: 'desk', person: operator.displayName },
      });
      if (!joined.duplicate) {
        ctx.outboxChanged();
        ctx.emit({ event: 'queue.changed', payload: { caseId: joined.caseId } });
      }
      return joined;
    },
  };
}
