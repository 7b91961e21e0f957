/**
 * Whether a message comes from a supervisor. Today the hub takes the desk's word for the
 * role of the person signed in (`personRole`), as soft blocks do; a per-person token check
 * replaces this one function.
 */
import type { Role } from '../shared/domain/case';
import { refuse, type Outcome } from './applied-answers';

/** A refusal when the message's person is not a supervisor; undefined when they are. */
export function refuseUnlessSupervisor<T>(
  msg: { personRole: Role },
  what: string,
): Outcome<T> | undefined {
  return msg.personRole === 'supervisor'
    ? undefined
    : refuse<T>('auth.not_supervisor', `only a supervisor may ${what}`);
}
