/** An open case: reading it, dispatching it, editing, taking over, notes, cancelling. */
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { Who } from '../store/case-edits';
import { readCaseDetail } from '../store/cases';
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
  /** The signed-in operator as the store and the hub record them. */
  const who = (): Who => {
    const operator = requireOperator(ctx);
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
    'case.get': ({ caseId }) => {
      requireOperator(ctx);
      const detail = readCaseDetail(ctx.store, caseId, ctx.deskId, ctx.now());
      if (!detail) throw new CoreError('case.not_found', 'No such case on this desk.');
      return detail;
    },
    'case.dispatch': ({ caseId, opdIds }) => {
      const w = who();
      if (!ctx.store.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) {
        throw new CoreError('case.not_found', 'No such case on this desk.');
      }
      const roster = ctx.reference().opds;
      const opds = opdIds.map((id) => roster.find((o) => o.id === id));
      if (opds.some((o) => !o)) {
        throw new CoreError('api.invalid_args', 'Unknown OPD.', { opdIds: 'dispatch.opd_unknown' });
      }
      const dispatches = ctx.dispatches.dispatch(
        caseId,
        opds as Array<{ id: string; short: string }>,
        w.actor,
        w.operatorId,
        w.now,
      );
      changed(caseId);
      return { dispatches };
    },
    'case.update': ({ caseId, edit }) => {
      const result = ctx.edits.update(caseId, edit, who());
      if (result) changed(caseId);
      return { changed: result };
    },
    'case.claim': ({ caseId }) => {
      const claimed = ctx.edits.claim(caseId, who());
      if (claimed) changed(caseId);
      return { claimed };
    },
    'case.note': ({ caseId, text }) => {
      ctx.edits.note(caseId, text, who());
      changed(caseId);
      return {};
    },
    'dispatch.called': ({ dispatchId }) => {
      const w = who();
      changed(ctx.dispatches.called(dispatchId, w.operatorId, w.actor, w.now));
      return {};
    },
    'case.cancel': ({ caseId, reason }) => {
      const withdrawn = ctx.edits.cancel(caseId, reason, who());
      changed(caseId);
      return { withdrawn };
    },
  };
}
