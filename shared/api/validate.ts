/**
 * Boundary checks shared by every transport: is this a known channel, and do the
 * arguments match its schema. Returns errors as values.
 */
import { contract, isChannel, type Channel, type ParsedArgsOf } from './contract';
import { fail, fieldErrors, type ApiResult } from './errors';

export function parseCall<C extends Channel>(
  channel: string,
  rawArgs: unknown,
): ApiResult<{ channel: C; args: ParsedArgsOf<C> }> {
  if (!isChannel(channel)) {
    return fail('api.unknown_channel', `Unknown console API channel "${channel.slice(0, 80)}".`);
  }
  const parsed = contract[channel].args.safeParse(rawArgs);
  if (!parsed.success) {
    return fail('api.invalid_args', `Invalid arguments for ${channel}.`, fieldErrors(parsed.error));
  }
  return { ok: true, value: { channel: channel as C, args: parsed.data as ParsedArgsOf<C> } };
}
