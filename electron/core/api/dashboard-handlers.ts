/**
 * The supervisor's dashboard through the console API: supervisors open and close it; any
 * signed-in screen says when a call form opens or closes, for the per-desk "on a call".
 */
import type { CoreContext } from '../context';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';

export function dashboardHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'dashboard.open' | 'dashboard.close' | 'dashboard.onCall'> {
  return {
    'dashboard.open': async (_args, session) => {
      const supervisor = requireSupervisor(session);
      return { dashboard: await ctx.dashboard.open(session, supervisor) };
    },
    'dashboard.close': async (_args, session) => {
      await ctx.dashboard.close(session);
      return {};
    },
    'dashboard.onCall': ({ onCall }, session) => {
      requireOperator(session);
      ctx.dashboard.setOnCall(session, onCall);
      return {};
    },
  };
}
