/**
 * One handler per console API channel. Handlers receive arguments already validated
 * against the contract and may throw CoreError; the dispatcher turns that into a value.
 */
import type { Channel, ParsedArgsOf, ResultOf } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { verifyPassword } from '../auth/password';
import { CoreError } from '../errors';
import { findOperatorForSignIn } from '../store/operators';
import { queryQueue } from '../store/queue';
import { writeLanguage } from '../store/settings';
import { caseHandlers } from './case-handlers';
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
      const page = queryQueue(ctx.store, query);
      return { ...page, rows: ctx.alarms.reads.flagRows(page.rows, ctx.now()) };
    },
    'alarms.list': () => {
      requireOperator(ctx);
      return { alarms: ctx.alarms.reads.current(ctx.now()) };
    },
    ...caseHandlers(ctx),
  };
}
