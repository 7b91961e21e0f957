/** The vetting in front of shell.openExternal: https to listed hosts only. */
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/log';
import { openExternalVetted, vetExternalUrl } from './external-links';

describe('external links', () => {
  it('allows https to the listed public-service sites', () => {
    expect(vetExternalUrl('https://www.lapor.go.id/')).toEqual({
      allowed: true,
      url: 'https://www.lapor.go.id/',
    });
    expect(vetExternalUrl('https://madiunkota.go.id/berita').allowed).toBe(true);
  });

  it.each([
    'http://lapor.go.id/',
    'https://evil.example/',
    'https://lapor.go.id.evil.example/',
    'https://user@lapor.go.id/',
    'https://lapor.go.id:444/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(vetExternalUrl(url).allowed).toBe(false);
  });

  it('calls the opener only for a vetted link', () => {
    const open = vi.fn(async () => undefined);
    const log = createLogger('test', () => undefined);
    expect(openExternalVetted('https://evil.example/', open, log)).toBe(false);
    expect(openExternalVetted('https://lapor.go.id/', open, log)).toBe(true);
    expect(open.mock.calls).toEqual([['https://lapor.go.id/']]);
  });
});
