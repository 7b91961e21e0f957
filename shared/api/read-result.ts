/**
 * The client side of every transport: an answer from the backend becomes an ApiResult only
 * if it matches the contract; anything else is a typed error, never a value the UI trusts.
 */
import { contract, type Channel } from './contract';
import { ApiError, fail, type ApiResult } from './errors';

export function readResult(channel: Channel, answer: unknown): ApiResult<unknown> {
  const envelope = (answer ?? {}) as { ok?: unknown; value?: unknown; error?: unknown };
  if (envelope.ok === true) {
    const value = contract[channel].result.safeParse(envelope.value);
    return value.success
      ? { ok: true, value: value.data }
      : fail('internal', 'The console backend sent a malformed result.');
  }
  const error = ApiError.safeParse(envelope.error);
  return error.success
    ? { ok: false, error: error.data }
    : fail('internal', 'The console backend sent a malformed error.');
}
