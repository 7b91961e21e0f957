/**
 * One handler per console API channel. Handlers receive arguments already validated
 * against the contract and may throw CoreError; the dispatcher turns that into a value.
 */
import type { Channel, ParsedArgsOf, ResultOf } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { verifyPassword } from '../auth/password';
import { CoreError } from '../errors';
import { readCaseDetail } from '../store/cases';
import { findOperatorForSignIn } from '../store/operators';
import { queryQueue } from '../store/queue';
import { writeLanguage } from '../store/settings';
import { intakeHandlers } from './intake-handlers';
import { requireOperator } from './require-session';

export type Handlers = {
  [C in Channel]: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
};

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app.status': () => ctx.status(),
    'app.setLanguage': ({ language }) => {
      writeLanguage(ctx.store, language, ctx.now());
      ctx.statusChanged();
      return { language };
    },
    'auth.session': () => ({ operator: ctx.session, deskId: ctx.deskId }),
    'auth.signIn': async ({ username, password }) => {
      const found = findOperatorForSignIn(ctx.store, username);
      // Hash even for an unknown name so timing does not tell which names exist.
      const ok = await verifyPassword(
        password,
        found?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA',
      );
      if (!found || !ok) {
        ctx.log.warn('sign-in refused', { username: username.slice(0, 64) });
        throw new CoreError('auth.bad_credentials', 'Wrong username or password.');
      }
      ctx.session = found.operator;
      ctx.log.info('signed in', { operator: found.operator.id });
      return { operator: found.operator };
    },
    'auth.signOut': () => {
      ctx.session = null;
      return {};
    },
    'reference.get': () => ctx.reference(),
    ...intakeHandlers(ctx),
    'queue.list': (query) => {
      requireOperator(ctx);
      return queryQueue(ctx.store, query);
    },
    'case.dispatch': ({ caseId, opdIds }) => {
      const operator = requireOperator(ctx);
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
        { id: ctx.deskId, role: 'desk', person: operator.displayName },
        operator.id,
        ctx.now(),
      );
      ctx.outboxChanged();
      ctx.emit({ event: 'queue.changed', payload: { caseId } });
      return { dispatches };
    },
    'case.get': ({ caseId }) => {
      requireOperator(ctx);
      const detail = readCaseDetail(ctx.store, caseId);
      if (!detail) throw new CoreError('case.not_found', 'No such case on this desk.');
      return detail;
    },
  };
}
