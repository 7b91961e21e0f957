/**
 * The browser host prints its address with a per-run key in the fragment. We keep the key
 * for this tab only and take it out of the address bar at once.
 */
const STORAGE = 'sigap.key';

export function takeSessionKey(): string | null {
  const match = /(?:^#|&)key=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(STORAGE, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(STORAGE);
}
