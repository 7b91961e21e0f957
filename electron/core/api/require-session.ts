import type { Operator } from '../../../shared/domain/case';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';

/** The signed-in operator, or a typed refusal: every call and case names who made it. */
export function requireOperator(ctx: CoreContext): Operator {
  if (!ctx.session) throw new CoreError('auth.required', 'Sign in first.');
  return ctx.session;
}
