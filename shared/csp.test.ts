/**
 * The CSP builder every Sigap page uses: only the bundle's own code runs, nothing may frame
 * the page, and a page connects only where it is told to.
 */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageSecurityHeaders } from './csp';

const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp.split('; ').map((d) => {
      const [name, ...sources] = d.split(' ');
      return [name!, sources];
    }),
  );

describe('contentSecurityPolicy', () => {
  it('lets only the bundle run, and nothing frame the page or post a form', () => {
    const csp = directives(contentSecurityPolicy({ connect: ['self'] }));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('connects nowhere when given no sources', () => {
    expect(directives(contentSecurityPolicy({ connect: [] })).get('connect-src')).toEqual([
      "'none'",
    ]);
  });

  it('quotes self and lists the socket origins it is given, in order', () => {
    const csp = contentSecurityPolicy({
      connect: ['self', 'ws://127.0.0.1:4000', 'ws://localhost:4000'],
    });
    expect(directives(csp).get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:4000',
      'ws://localhost:4000',
    ]);
  });

  it('names plugins, frames and workers as refused only when asked', () => {
    const plain = directives(contentSecurityPolicy({ connect: [] }));
    expect(plain.has('object-src')).toBe(false);
    const strict = directives(contentSecurityPolicy({ connect: [], noPluginsFramesWorkers: true }));
    expect(strict.get('object-src')).toEqual(["'none'"]);
    expect(strict.get('frame-src')).toEqual(["'none'"]);
    expect(strict.get('worker-src')).toEqual(["'none'"]);
  });

  it('never allows inline code, eval or a wildcard', () => {
    for (const csp of [
      contentSecurityPolicy({ connect: [] }),
      contentSecurityPolicy({ connect: ['self', 'wss://hub.example:443'] }),
      contentSecurityPolicy({ connect: [], noPluginsFramesWorkers: true }),
    ]) {
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });
});

describe('pageSecurityHeaders', () => {
  const csp = contentSecurityPolicy({ connect: [] });

  it('sends the policy with no-sniff, no referrer and same-origin isolation', () => {
    expect(pageSecurityHeaders(csp, { denyFraming: false })).toEqual({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('adds X-Frame-Options for browsers that predate frame-ancestors when asked', () => {
    expect(pageSecurityHeaders(csp, { denyFraming: true })['X-Frame-Options']).toBe('DENY');
  });
});
