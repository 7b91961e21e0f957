/**
 * The console API of a running console host, called over its loopback HTTP endpoint as
 * the renderer does. A host killed mid-call is told apart from a refusal: its answer is
 * unknown, and the caller decides whether to ask again.
 */
import type { HostProc } from './processes';

export type ApiAnswer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** The host went away during the call (a test killed it). */
export class HostGone extends Error {}

export async function callHost(host: HostProc, channel: string, args: unknown): Promise<ApiAnswer> {
  try {
    const res = await fetch(`${host.origin}/api/call/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    return (await res.json()) as ApiAnswer;
  } catch (error) {
    throw new HostGone(String(error));
  }
}

/** The answer's value; throws with the code and message of a refusal. */
export function valueOf<T>(channel: string, answer: ApiAnswer): T {
  if (!answer.ok)
    throw new Error(`${channel} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}
