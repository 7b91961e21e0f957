/**
 * The console API of a running console host, called over its loopback HTTP endpoint as
 * the renderer does: each host process is one screen (one page) here, opened on the first
 * call, so a sign-in holds for the later calls to that process. A host killed mid-call is
 * told apart from a refusal: its answer is unknown, and the caller decides whether to ask
 * again.
 */
import { SCREEN_HEADER, SCREEN_PATH } from '../../shared/api/screen-link';
import type { HostProc } from './processes';

export type ApiAnswer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** The host went away during the call (a test killed it). */
export class HostGone extends Error {}

async function post(host: HostProc, path: string, args: unknown, screen?: string) {
  try {
    const res = await fetch(`${host.origin}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${host.key}`,
        'Content-Type': 'application/json',
        ...(screen ? { [SCREEN_HEADER]: screen } : {}),
      },
      body: JSON.stringify(args),
    });
    return (await res.json()) as ApiAnswer;
  } catch (error) {
    throw new HostGone(String(error));
  }
}

const screens = new WeakMap<HostProc, Promise<string>>();

/** The screen these calls use on `host`, opened on first use. */
export function screenOf(host: HostProc): Promise<string> {
  let screen = screens.get(host);
  if (!screen) {
    screen = post(host, SCREEN_PATH, {}).then(
      (answer) => valueOf<{ screen: string }>('screen', answer).screen,
    );
    // A failed open (host still starting, killed) is asked again next time.
    const opening = screen;
    opening.catch(() => screens.get(host) === opening && screens.delete(host));
    screens.set(host, opening);
  }
  return screen;
}

export async function callHost(host: HostProc, channel: string, args: unknown): Promise<ApiAnswer> {
  return post(host, `/api/call/${channel}`, args, await screenOf(host));
}

/** The answer's value; throws with the code and message of a refusal. */
export function valueOf<T>(channel: string, answer: ApiAnswer): T {
  if (!answer.ok)
    throw new Error(`${channel} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}
