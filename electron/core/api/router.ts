/**
 * The single entry point of the console API inside core: routes a call to its channel's
 * handler after validating it, and returns an ApiResult. Nothing thrown below escapes as a raw string.
 */
import { contract, type Channel } from '../../../shared/api/contract';
import { fail, type ApiResult } from '../../../shared/api/errors';
import { parseCall } from '../../../shared/api/validate';
import type { Logger } from '../../../shared/log';
import { CoreError } from '../errors';
import type { Session } from '../session';
import type { Handlers } from './handlers';

/** Answers one call made on the screen whose session is given. */
export type Router = (
  channel: string,
  rawArgs: unknown,
  session: Session,
) => Promise<ApiResult<unknown>>;

export function createRouter(handlers: Handlers, log: Logger): Router {
  return async (channel, rawArgs, session) => {
    const call = parseCall(channel, rawArgs);
    if (!call.ok) return call;
    const name: Channel = call.value.channel;
    try {
      const handler = handlers[name] as (args: unknown, session: Session) => unknown;
      const value = await handler(call.value.args, session);
      // The result schema is the contract too: a handler that drifts from it is a bug we
      // want to see in tests, not a malformed value the UI has to survive.
      const checked = contract[name].result.safeParse(value);
      if (!checked.success) {
        log.error('handler result does not match contract', { channel: name });
        return fail('internal', 'Sigap hit an internal error; the details are in the log.');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof CoreError) return fail(error.code, error.message, error.fields);
      log.error('handler failed', { channel: name, error: String(error) });
      return fail('internal', 'Sigap hit an internal error; the details are in the log.');
    }
  };
}
