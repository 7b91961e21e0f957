/**
 * The supervisor's review of screened calls through the console API: the calls of a shift
 * (07–15, 15–23, 23–07 WIB), filtered, with the retention setting in force.
 */
import { normalizeNumber } from '../../../shared/domain/phone';
import { shiftAt } from '../../../shared/domain/shift';
import type { CoreContext } from '../context';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';

export function reviewHandlers(ctx: CoreContext): Pick<Handlers, 'review.calls'> {
  return {
    'review.calls': (q, session) => {
      requireSupervisor(session);
      const shift = shiftAt(ctx.now(), q.shiftsBack);
      let numbers: string[] | undefined;
      if (q.number) {
        const checked = normalizeNumber(q.number);
        // A number that does not read as one matches nothing rather than everything.
        numbers = checked.ok ? ctx.numberKeys(checked.e164) : [];
      }
      const calls = ctx.store.review.calls({
        from: shift.start,
        to: shift.end,
        disposition: q.disposition,
        deskId: q.deskId || undefined,
        operator: q.operator || undefined,
        numbers,
      });
      return { shift, calls, retention: ctx.retention };
    },
  };
}
