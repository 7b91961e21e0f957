import { describe, expect, it } from 'vitest';
import { checkHubUrl } from './url';

describe('checkHubUrl', () => {
  it('accepts https anywhere and http on loopback', () => {
    for (const url of [
      'https://hub.madiunkota.go.id',
      'http://127.0.0.1:4000',
      'http://localhost:4000',
      'http://[::1]:4000',
    ]) {
      expect(checkHubUrl(url).ok, url).toBe(true);
    }
  });

  it('refuses plain http beyond loopback with its own code', () => {
    const result = checkHubUrl('http://192.168.1.20:4000');
    expect(result).toMatchObject({ ok: false, error: { code: 'hub.insecure_url' } });
  });

  it('refuses what is not an http(s) URL', () => {
    expect(checkHubUrl('not a url')).toMatchObject({
      ok: false,
      error: { code: 'hub.invalid_url' },
    });
    expect(checkHubUrl('ws://127.0.0.1:1')).toMatchObject({
      ok: false,
      error: { code: 'hub.invalid_url' },
    });
  });
});
