/**
 * The only way a link leaves the app: https to a short list of public-service sites, opened
 * in the operator's own browser. Anything else (http, file:, custom schemes, other hosts,
 * credentials in the URL) is refused, because shell.openExternal on an attacker's URL can
 * run programs on Windows.
 */
import type { Logger } from '../../shared/log';

/** Sites an operator may need next to the console; exact host names only. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'lapor.go.id',
  'www.lapor.go.id',
  'madiunkota.go.id',
  'www.madiunkota.go.id',
]);

export type ExternalVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

export function vetExternalUrl(raw: string): ExternalVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `scheme ${url.protocol}` };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in URL' };
  if (url.port !== '') return { allowed: false, reason: `port ${url.port}` };
  if (!EXTERNAL_HOSTS.has(url.hostname)) {
    return { allowed: false, reason: `host ${url.hostname} not on the list` };
  }
  return { allowed: true, url: url.href };
}

export type OpenExternal = (url: string) => Promise<void>;

/** Opens `raw` in the system browser if it passes the vetting; logs either way. */
export function openExternalVetted(raw: string, openExternal: OpenExternal, log: Logger): boolean {
  const verdict = vetExternalUrl(raw);
  if (!verdict.allowed) {
    log.warn('external link refused', { url: raw.slice(0, 200), reason: verdict.reason });
    return false;
  }
  openExternal(verdict.url).catch((error: unknown) =>
    log.warn('external link failed to open', { url: verdict.url, error: String(error) }),
  );
  return true;
}
