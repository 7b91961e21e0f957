/**
 * Which hub URLs a console may use: https anywhere, plain http only on loopback, so that
 * case data never crosses a network unencrypted. SIGAP_HUB_URL may list several hub nodes
 * of one center, comma-separated; the desk moves between them when one dies.
 */
import { fail, ok, type ApiResult } from '../api/errors';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function checkHubUrl(raw: string): ApiResult<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('hub.invalid_url', `Hub URL "${raw.slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(
      'hub.invalid_url',
      `Hub URL "${raw.slice(0, 200)}" must start with https:// (got ${url.protocol}).`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail(
      'hub.insecure_url',
      `Refusing plain http to ${url.hostname}: a hub beyond this machine must use https://.`,
    );
  }
  return ok(url);
}

/**
 * SIGAP_HUB_URL as a list of hub nodes: comma-separated, spaces around commas allowed, each
 * checked as above. A bad entry is named in the error; the same node twice is refused,
 * since round robin over a repeated node would wait on a dead node twice per round.
 */
export function checkHubUrls(raw: string): ApiResult<URL[]> {
  const parts = raw.split(',').map((part) => part.trim());
  const urls: URL[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === '') {
      return fail(
        'hub.invalid_url',
        parts.length === 1
          ? 'Hub URL is empty.'
          : `Hub URL list "${raw.slice(0, 200)}" has an empty entry (number ${i + 1}).`,
      );
    }
    const checked = checkHubUrl(part);
    if (!checked.ok) return checked;
    const twin = urls.find((url) => url.origin === checked.value.origin);
    if (twin) {
      return fail(
        'hub.invalid_url',
        `Hub URL ${checked.value.origin} is listed twice: each hub node once.`,
      );
    }
    urls.push(checked.value);
  }
  return ok(urls);
}
