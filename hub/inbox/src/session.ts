/**
 * The signed-in OPD token and clerk name, kept in sessionStorage only: gone when the tab
 * closes, never written to disk by the page or sent anywhere but the hub's handshake.
 */
import { z } from 'zod';

export interface Session {
  token: string;
  /** The clerk's own name; empty means the token's `person`. */
  person: string;
}

const KEY = 'sigap.inbox.session';
const Stored = z.object({ token: z.string().min(1).max(256), person: z.string().max(120) });

export function loadSession(): Session | undefined {
  try {
    const parsed = Stored.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Private mode without storage: the session lasts until this page reloads.
  }
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
