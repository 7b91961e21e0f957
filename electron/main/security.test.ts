/**
 * The security baseline with Electron mocked: navigation away from the console, new
 * windows, <webview> and redirects are refused; every permission request and check is
 * denied but notifications for the console page itself; page requests to the network are cancelled; only vetted https links reach
 * shell.openExternal.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/log';

const fake = vi.hoisted(() => ({
  openExternal: vi.fn(async (_url: string) => undefined),
  appOn: vi.fn(),
  session: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
    on: vi.fn(),
  },
}));
vi.mock('electron', () => ({
  app: { on: fake.appOn },
  shell: { openExternal: fake.openExternal },
  session: { defaultSession: fake.session },
}));

const { hardenApp, hardenContents, hardenSession, REMOTE_URL_PATTERNS } =
  await import('./security');
type Contents = Parameters<typeof hardenContents>[0];
type Session = Parameters<typeof hardenSession>[0];

const log = createLogger('test', () => undefined);

type Listener = (event: unknown, ...rest: unknown[]) => void;
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
  };
  hardenContents(contents as unknown as Contents, log);
  const fire = (name: string, details: Record<string, unknown>) => {
    const event = { ...details, preventDefault: vi.fn() };
    listeners.get(name)!(event);
    return event.preventDefault;
  };
  return { fire, open: (url: string) => openHandler!({ url }) };
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('navigation and new windows', () => {
  it('blocks navigation away from app://sigap and opens nothing for unknown sites', () => {
    const { fire } = fakeContents();
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
    ]) {
      expect(fire('will-navigate', { url, isMainFrame: true }), url).toHaveBeenCalled();
    }
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('lets the page reload itself inside its own origin', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', { url: 'app://sigap/index.html' })).not.toHaveBeenCalled();
  });

  it('turns a link to a listed https site into the system browser, never the window', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', { url: 'https://www.lapor.go.id/' })).toHaveBeenCalled();
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.lapor.go.id/');
  });

  it('denies every new window; only vetted https links go to shell.openExternal', () => {
    const { open } = fakeContents();
    const urls = [
      'app://sigap/index.html',
      'https://evil.example/',
      'http://lapor.go.id/',
      'https://user:pw@lapor.go.id/',
      'https://lapor.go.id:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id PCWDiagnostic',
      'https://lapor.go.id.evil.example/',
      'https://lapor.go.id/pengaduan',
    ];
    for (const url of urls) expect(open(url), url).toEqual({ action: 'deny' });
    expect(fake.openExternal.mock.calls).toEqual([['https://lapor.go.id/pengaduan']]);
  });

  it('blocks <webview>, redirects and sub-frame navigation', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview', {})).toHaveBeenCalled();
    expect(fire('will-redirect', { url: 'https://evil.example/' })).toHaveBeenCalled();
    expect(
      fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false }),
    ).toHaveBeenCalled();
  });

  it('hardens every web contents the app ever creates', () => {
    hardenApp(log);
    const [event, listener] = fake.appOn.mock.calls[0] as [string, Listener];
    expect(event).toBe('web-contents-created');
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    listener({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });
});

describe('permissions and remote content', () => {
  function hardened() {
    hardenSession(fake.session as unknown as Session, log);
    const [[request]] = fake.session.setPermissionRequestHandler.mock.calls as [
      [(c: unknown, permission: string, callback: (granted: boolean) => void) => void],
    ];
    const [[check]] = fake.session.setPermissionCheckHandler.mock.calls as [
      [(...args: unknown[]) => boolean],
    ];
    const [[device]] = fake.session.setDevicePermissionHandler.mock.calls as [
      [(...args: unknown[]) => boolean],
    ];
    const [[filter, beforeRequest]] = fake.session.webRequest.onBeforeRequest.mock.calls as [
      [{ urls: string[] }, (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void],
    ];
    return { request, check, device, filter, beforeRequest };
  }

  it('refuses every permission request, check and device', () => {
    const { request, check, device } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'midi']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(check(null, 'clipboard-read', 'app://sigap', {})).toBe(false);
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it('lets the console page, and only it, show notifications (the Telepon OPD alarm)', () => {
    const { request, check } = hardened();
    const ask = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      (request as (...a: unknown[]) => void)({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(ask('notifications', 'app://sigap/index.html')).toBe(true);
    expect(ask('notifications', 'https://evil.example/')).toBe(false);
    expect(ask('notifications', 'app://other/index.html')).toBe(false);
    expect(ask('media', 'app://sigap/index.html')).toBe(false);
    expect(check(null, 'notifications', 'app://sigap', {})).toBe(true);
    expect(check(null, 'notifications', 'http://127.0.0.1:8080', {})).toBe(false);
    expect(check(null, 'geolocation', 'app://sigap', {})).toBe(false);
  });

  it('cancels every page request to the network', () => {
    const { filter, beforeRequest } = hardened();
    expect(filter.urls).toEqual(REMOTE_URL_PATTERNS);
    for (const scheme of ['http', 'https', 'ws', 'wss', 'file']) {
      expect(
        filter.urls.some((p) => p.startsWith(`${scheme}://`)),
        scheme,
      ).toBe(true);
    }
    const callback = vi.fn();
    beforeRequest({ url: 'https://tracker.example/pixel.gif' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
