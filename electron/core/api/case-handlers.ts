/** An open case: reading it, dispatching it, editing, taking over, notes, cancelling. */
import { caseClocks, hubNow } from '../../../shared/domain/clocks';
import { caseFactsFrom } from '../clocks/case-facts';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { Who } from '../store/interface';
import type { Session } from '../session';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';

type CaseChannels =
  | 'case.get'
  | 'case.dispatch'
  | 'case.update'
  | 'case.claim'
  | 'case.note'
  | 'case.cancel'
  | 'dispatch.called';

export function caseHandlers(ctx: CoreContext): Pick<Handlers, CaseChannels> {
  /** The operator signed in on the calling screen, as the store and the hub record them. */
  const who = (session: Session): Who => {
    const operator = requireOperator(session);
    return {
      operatorId: operator.id,
      actor: { id: ctx.deskId, role: 'desk', person: operator.displayName },
      now: ctx.now(),
    };
  };
  /** A change is queued for the hub and visible in every open view. */
  const changed = (caseId: string) => {
    ctx.outboxChanged();
    ctx.emit({ event: 'queue.changed', payload: { caseId } });
  };

  return {
    'case.get': ({ caseId }, session) => {
      requireOperator(session);
      const detail = ctx.store.cases.detail(caseId, ctx.now());
      if (!detail) throw new CoreError('case.not_found', 'No such case on this desk.');
      const rules = ctx.clocks.rulesFor(detail.categoryId, detail.urgency);
      // Everything on the hub's clock (DESIGN §2): the desk's own stamps and its "now".
      const offset = ctx.hubOffset();
      const facts = caseFactsFrom(detail, offset);
      const clocks = caseClocks(facts, rules, ctx.clocks.calendar, hubNow(ctx.now(), offset));
      return { ...detail, clocks };
    },
    'case.dispatch': ({ caseId, opdIds }, session) => {
      const w = who(session);
      if (!ctx.store.cases.exists(caseId)) {
        throw new CoreError('case.not_found', 'No such case on this desk.');
      }
      const roster = ctx.reference().opds;
      const opds = opdIds.map((id) => roster.find((o) => o.id === id));
      if (opds.some((o) => !o)) {
        throw new CoreError('api.invalid_args', 'Unknown OPD.', { opdIds: 'dispatch.opd_unknown' });
      }
      const dispatches = ctx.store.dispatches.dispatch(
        caseId,
        opds as Array<{ id: string; short: string }>,
        w.actor,
        w.operatorId,
        w.now,
      );
      changed(caseId);
      return { dispatches };
    },
    'case.update': ({ caseId, edit }, session) => {
      const result = ctx.store.cases.update(caseId, edit, who(session));
      if (result) changed(caseId);
      return { changed: result };
    },
    'case.claim': ({ caseId }, session) => {
      const claimed = ctx.store.cases.claim(caseId, who(session));
      if (claimed) changed(caseId);
      return { claimed };
    },
    'case.note': ({ caseId, text }, session) => {
      ctx.store.cases.note(caseId, text, who(session));
      changed(caseId);
      return {};
    },
    'dispatch.called': ({ dispatchId }, session) => {
      const w = who(session);
      changed(ctx.store.dispatches.called(dispatchId, w.operatorId, w.actor, w.now));
      return {};
    },
    'case.cancel': ({ caseId, reason }, session) => {
      const withdrawn = ctx.store.cases.cancel(caseId, reason, who(session));
      changed(caseId);
      return { withdrawn };
    },
  };
}
