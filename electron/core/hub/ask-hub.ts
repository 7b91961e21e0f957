/**
 * A supervisor's action that the hub decides at once (not queued in the outbox): one message
 * sent, its answer awaited and read. No hub, no answer in time, an unreadable answer and a
 * refusal each become a typed error, so every such action reads the same to the person.
 */
import type { z } from 'zod';
import type { Logger } from '../../../shared/log';
import { CoreError } from '../errors';
import type { HubLink } from './hub-link';

/** How long a supervisor waits for the hub's answer before being told it is unreachable. */
const ASK_TIMEOUT_MS = 10_000;

type Answer = { ok: true } | { ok: false; error: { code: string; message: string } };

export async function askHub<S extends z.ZodType<Answer>>(
  ctx: { hub: Pick<HubLink, 'status' | 'request'> | undefined; log: Logger },
  event: string,
  payload: Record<string, unknown>,
  schema: S,
  /** What needs the hub, for the offline message: "publishing rules needs it". */
  needs: string,
  /** Hub refusals the person sees as this desk's own error of that code. */
  passOn: readonly 'auth.not_supervisor'[] = [],
): Promise<Extract<z.output<S>, { ok: true }>> {
  const offline = () => new CoreError('hub.offline', `The hub is not connected; ${needs}.`);
  if (!ctx.hub || ctx.hub.status().state !== 'online') throw offline();
  let raw: unknown;
  try {
    raw = await ctx.hub.request(event, payload, ASK_TIMEOUT_MS);
  } catch {
    throw offline();
  }
  const answer = schema.safeParse(raw);
  if (!answer.success) {
    ctx.log.warn('unreadable hub answer', { event });
    throw new CoreError('internal', 'The hub answered in a way this desk cannot read.');
  }
  const data = answer.data as Answer;
  if (!data.ok) {
    const { code, message } = data.error;
    ctx.log.info('refused by the hub', { event, code });
    if ((passOn as readonly string[]).includes(code))
      throw new CoreError(code as (typeof passOn)[number], message);
    throw new CoreError('hub.refused', message, { hub: code });
  }
  return data as Extract<z.output<S>, { ok: true }>;
}
