import { describe, expect, it } from 'vitest';
import { checkHubUrl, checkHubUrls } from './url';

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

describe('checkHubUrls', () => {
  const origins = (raw: string) => {
    const result = checkHubUrls(raw);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.map((url) => url.origin);
  };

  it('reads one URL as a list of one', () => {
    expect(origins('https://hub.madiunkota.go.id')).toEqual(['https://hub.madiunkota.go.id']);
  });

  it('reads a comma-separated list in order, spaces around commas allowed', () => {
    expect(origins('https://a.madiunkota.go.id:7443 , https://b.madiunkota.go.id:7443')).toEqual([
      'https://a.madiunkota.go.id:7443',
      'https://b.madiunkota.go.id:7443',
    ]);
    expect(origins('http://127.0.0.1:4001,http://127.0.0.1:4002')).toEqual([
      'http://127.0.0.1:4001',
      'http://127.0.0.1:4002',
    ]);
  });

  it('names the entry that is not a valid hub URL', () => {
    expect(checkHubUrls('https://a:7443, b:7443')).toMatchObject({
      ok: false,
      error: { code: 'hub.invalid_url', message: expect.stringContaining('b:7443') },
    });
    expect(checkHubUrls('https://a:7443,nonsense')).toMatchObject({
      ok: false,
      error: { code: 'hub.invalid_url', message: expect.stringContaining('"nonsense"') },
    });
    expect(checkHubUrls('https://a:7443,http://192.168.1.20:4000')).toMatchObject({
      ok: false,
      error: { code: 'hub.insecure_url', message: expect.stringContaining('192.168.1.20') },
    });
  });

  it('refuses an empty entry', () => {
    expect(checkHubUrls('https://a:7443,,https://b:7443')).toMatchObject({
      ok: false,
      error: { code: 'hub.invalid_url', message: expect.stringContaining('empty entry') },
    });
    expect(checkHubUrls('https://a:7443,')).toMatchObject({ ok: false });
  });

  it('refuses the same node twice, however it is written', () => {
    const result = checkHubUrls('https://a:7443, https://b:7443, https://A:7443/');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'hub.invalid_url', message: expect.stringContaining('https://a:7443') },
    });
    expect(checkHubUrls('https://a, https://a:443')).toMatchObject({ ok: false });
  });
});
