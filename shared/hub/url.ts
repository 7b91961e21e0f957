/**
 * Which hub URLs a console may use: https anywhere, plain http only on loopback, so that
 * case data never crosses a network unencrypted.
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
    return fail('hub.invalid_url', `Hub URL must start with https:// (got ${url.protocol}).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail(
      'hub.insecure_url',
      `Refusing plain http to ${url.hostname}: a hub beyond this machine must use https://.`,
    );
  }
  return ok(url);
}
