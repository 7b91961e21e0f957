/**
 * The one Content-Security-Policy builder for Sigap's pages (the console in the browser host
 * and in the desktop app, and the OPD inbox the hub serves), with the headers that go with
 * it. Every page runs only its bundle's own scripts and styles; pages differ only in where
 * they may connect and whether they also refuse plugins, frames and workers by name.
 * Never add 'unsafe-inline', 'unsafe-eval' or a wildcard here.
 */

export interface PageSecurity {
  /**
   * Where the page may connect besides nothing: [] is connect-src 'none', `['self', url]`
   * lists them. 'self' is quoted by the builder.
   */
  connect: readonly string[];
  /** Also list object-src, frame-src and worker-src as 'none' (they fall back to default-src otherwise). */
  noPluginsFramesWorkers?: boolean;
}

const quote = (source: string): string => (source === 'self' ? "'self'" : source);

export function contentSecurityPolicy(page: PageSecurity): string {
  const connect = page.connect.length > 0 ? page.connect.map(quote).join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    ...(page.noPluginsFramesWorkers
      ? ["object-src 'none'", "frame-src 'none'", "worker-src 'none'"]
      : []),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The response headers every page and asset carries. `denyFraming` adds X-Frame-Options for
 * browsers that predate frame-ancestors; the desktop app's own protocol needs none.
 */
export function pageSecurityHeaders(
  csp: string,
  options: { denyFraming: boolean },
): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...(options.denyFraming ? { 'X-Frame-Options': 'DENY' } : {}),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
