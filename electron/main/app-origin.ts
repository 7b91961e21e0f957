/**
 * Where the console page lives inside the desktop app: the `app://sigap` origin, served by
 * our own protocol handler from the built renderer. Nothing else is ever loaded in a window.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sigap';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as `scheme://host[:port]`. WHATWG URL reports "null" as the origin of
 * non-special schemes such as app:, so it is assembled from protocol and host here.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : undefined;
  } catch {
    return undefined;
  }
}

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
