/**
 * The console page's Content-Security-Policy and response headers under the app://
 * protocol. The page talks to core only through the preload, so it needs no network at all:
 * connect-src is 'none', and only the bundle's own scripts and styles run.
 */
import { contentSecurityPolicy, pageSecurityHeaders } from '../../shared/csp';

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  connect: [],
  noPluginsFramesWorkers: true,
});

export const SECURITY_HEADERS: Readonly<Record<string, string>> = pageSecurityHeaders(
  CONTENT_SECURITY_POLICY,
  { denyFraming: false },
);
