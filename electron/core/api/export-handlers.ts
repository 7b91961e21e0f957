/**
 * Exports through the console API. Any signed-in person may export with caller numbers
 * masked; numbers in full are for a supervisor only, refused before anything is written.
 */
import { EXPORT_READ_MAX } from '../../../shared/api/export-contract';
import type { CoreContext } from '../context';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';
import { requireOperator } from './require-session';

export function exportHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'export.start' | 'export.cancel' | 'export.list' | 'export.read'> {
  return {
    'export.start': (order, session) => {
      const by = order.unmask ? requireSupervisor(session) : requireOperator(session);
      return ctx.exports.start(order, by);
    },
    'export.cancel': ({ exportId }, session) =>
      ctx.exports.cancel(exportId, requireOperator(session)),
    'export.list': (_args, session) => ({ exports: ctx.exports.list(requireOperator(session)) }),
    'export.read': ({ exportId, offset }, session) => {
      const { data, size } = ctx.exports.read(
        exportId,
        requireOperator(session),
        offset,
        EXPORT_READ_MAX,
      );
      return { data: data.toString('base64'), size };
    },
  };
}
