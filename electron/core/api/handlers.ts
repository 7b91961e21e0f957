/**
 * One handler per console API channel. Handlers receive arguments already validated
 * against the contract and the calling screen's session, and may throw CoreError; the
 * dispatcher turns that into a value.
 */
import type { Channel, ParsedArgsOf, ResultOf } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import type { Session } from '../session';
import { accountHandlers } from './account-handlers';
import { callHandlers } from './call-handlers';
import { blockHandlers } from './block-handlers';
import { reportHandlers } from './report-handlers';
import { reviewHandlers } from './review-handlers';
import { superviseHandlers } from './supervise-handlers';
import { closingHandlers } from './closing-handlers';
import { rulesHandlers } from './rules-handlers';
import { caseHandlers } from './case-handlers';
import { dashboardHandlers } from './dashboard-handlers';
import { duplicateHandlers } from './duplicate-handlers';
import { intakeHandlers } from './intake-handlers';
import { exportHandlers } from './export-handlers';
import { requireOperator } from './require-session';

export type Handlers = {
  [C in Channel]: (args: ParsedArgsOf<C>, session: Session) => ResultOf<C> | Promise<ResultOf<C>>;
};

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app.status': () => ctx.status(),
    'app.setLanguage': ({ language }) => {
      ctx.store.settings.setLanguage(language, ctx.now());
      ctx.statusChanged();
      return { language };
    },
    'auth.session': (_args, session) => ({ operator: session.operator, deskId: ctx.deskId }),
    'auth.signOut': (_args, session) => {
      if (session.operator) {
        ctx.log.info('signed out', { operator: session.operator.id, screen: session.screen });
      }
      session.operator = null;
      return {};
    },
    'reference.get': () => ctx.reference(),
    ...intakeHandlers(ctx),
    ...callHandlers(ctx),
    'queue.list': (query, session) => {
      requireOperator(session);
      const page = ctx.store.cases.queue(query);
      return { ...page, rows: ctx.store.alarms.flagRows(page.rows, ctx.now()) };
    },
    'alarms.list': (_args, session) => {
      requireOperator(session);
      return { alarms: ctx.store.alarms.current(ctx.now()) };
    },
    ...caseHandlers(ctx),
    'caller.lookup': (input, session) => {
      requireOperator(session);
      return ctx.lookupCaller(input, ctx.now());
    },
    ...duplicateHandlers(ctx),
    ...blockHandlers(ctx),
    ...reviewHandlers(ctx),
    ...exportHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...superviseHandlers(ctx),
    ...closingHandlers(ctx),
    ...reportHandlers(ctx),
    ...accountHandlers(ctx),
    ...rulesHandlers(ctx),
  };
}
