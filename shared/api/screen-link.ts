/**
 * How a page of the browser host becomes a screen with its own sign-in. The page opens a
 * screen (`POST /api/screen`), keeps its id in memory only — never in storage, so a reloaded
 * or duplicated tab starts signed out — and names it on every call (`X-Sigap-Screen`) and
 * when its event socket connects. The host answers each call as that screen's person.
 */
import { z } from 'zod';

export const SCREEN_PATH = '/api/screen';
/** Request header naming the calling screen (lower case, as Node gives headers). */
export const SCREEN_HEADER = 'x-sigap-screen';

/** A screen id: 32 random bytes, base64url. */
export const ScreenId = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** `POST /api/screen` → ApiResult of this. */
export const ScreenOpened = z.object({ screen: ScreenId }).strict();

/** The first message on `/api/events`: this run's key and the screen the socket belongs to. */
export const EventsHello = z
  .object({ type: z.literal('auth'), key: z.string().max(200), screen: ScreenId })
  .strict();
export type EventsHello = z.infer<typeof EventsHello>;

/** Close codes of `/api/events`. */
export const EVENTS_CLOSE = {
  /** Wrong or missing key: reconnecting will not help. */
  unauthorized: 4401,
  /** The screen has ended (host restarted): open a new screen, then reconnect. */
  noScreen: 4404,
} as const;
