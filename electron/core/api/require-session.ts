import type { Operator } from '../../../shared/domain/case';
import { CoreError } from '../errors';
import type { Session } from '../session';

/** The operator signed in on the calling screen, or a typed refusal: every call and case names who made it. */
export function requireOperator(session: Session): Operator {
  if (!session.operator) throw new CoreError('auth.required', 'Sign in first.');
  return session.operator;
}
