/**
 * Saving a call as a case (and, with Alt+K, queuing its dispatches in the same commit), and
 * its drafts. Checks what only the store knows (does this category exist?).
 */
import type { z } from 'zod';
import type { IntakeSave } from '../../../shared/domain/intake';
import { normalizeNumber } from '../../../shared/domain/phone';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { Handlers } from './handlers';
import { requireSupervisor } from './block-handlers';
import { requireOperator } from './require-session';

type SaveArgs = z.output<typeof IntakeSave>;

function checkAgainstReference(ctx: CoreContext, form: SaveArgs['form'], dispatchTo: string[]) {
  const ref = ctx.reference();
  const fields: Record<string, string> = {};
  const category = ref.categories.find((c) => c.id === form.categoryId);
  if (!category) fields.categoryId = 'intake.category_unknown';
  if (!ref.kecamatan.some((k) => k.id === form.kecamatanId))
    fields.kecamatanId = 'intake.kecamatan_unknown';
  const kel = ref.kelurahan.find((k) => k.id === form.kelurahanId);
  if (!kel) fields.kelurahanId = 'intake.kelurahan_unknown';
  else if (kel.kecamatanId !== form.kecamatanId) fields.kelurahanId = 'intake.kelurahan_mismatch';
  const opds = dispatchTo.map((id) => ref.opds.find((o) => o.id === id));
  if (opds.some((o) => !o)) fields.dispatchTo = 'dispatch.opd_unknown';
  if (!category || Object.keys(fields).length > 0) {
    throw new CoreError('api.invalid_args', 'Some fields need attention.', fields);
  }
  return { category, opds: opds as Array<{ id: string; short: string }> };
}

export function intakeHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'intake.save' | 'draft.save' | 'draft.get' | 'draft.list' | 'draft.discard'> {
  const { cases, calls, drafts } = ctx.store;
  return {
    'intake.save': (
      { callId, startedAt, form, dispatchTo = [], callbackOf, reopenedCallId },
      session,
    ) => {
      // Only a supervisor reopens a screened call as a case.
      const operator = reopenedCallId ? requireSupervisor(session) : requireOperator(session);
      const { category, opds } = checkAgainstReference(ctx, form, dispatchTo);
      const number = form.withheld ? null : normalizeNumber(form.callerNumber);
      const endedAt = Math.max(ctx.now(), startedAt);
      const saved = cases.save(
        {
          callId,
          startedAt,
          endedAt,
          form,
          callerE164: number && number.ok ? number.e164 : null,
          classification: category.classification,
          operatorId: operator.id,
          deskId: ctx.deskId,
          actor: { id: ctx.deskId, role: 'desk', person: operator.displayName },
        },
        opds,
        callbackOf,
        reopenedCallId,
      );
      ctx.outboxChanged();
      if (!saved.duplicate) ctx.emit({ event: 'queue.changed', payload: { caseId: saved.caseId } });
      return saved;
    },
    'draft.save': (draft, session) => {
      const operator = requireOperator(session);
      const now = ctx.now();
      // A late autosave must not resurrect a call that has been saved meanwhile.
      if (!calls.isSaved(draft.callId)) drafts.write(operator.id, draft, now);
      return { savedAt: now };
    },
    'draft.get': (_args, session) => ({
      draft: drafts.latest(requireOperator(session).id),
    }),
    'draft.list': (_args, session) => ({
      drafts: drafts.list(requireOperator(session).id),
    }),
    'draft.discard': ({ callId }, session) => {
      drafts.discard(requireOperator(session).id, callId);
      return {};
    },
  };
}
