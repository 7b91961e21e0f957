/**
 * The browser host's screens with a controllable clock: each page has its own session; a
 * screen whose socket dropped survives a short gap for the same page to come back, and
 * after the grace period its person is signed out and its id is refused.
 */
import { describe, expect, it } from 'vitest';
import type { ConsoleSession } from '../core/core';
import { createScreens, type ScreenSocket } from './screens';

function fakeCore() {
  const closed: number[] = [];
  let opened = 0;
  return {
    closed,
    openSession(): ConsoleSession {
      const n = ++opened;
      return { call: async () => ({ ok: true, value: n }), close: () => closed.push(n) };
    },
  };
}
const socket = (): ScreenSocket & { closedWith?: number } => {
  const s: ScreenSocket & { closedWith?: number } = { close: (code) => (s.closedWith = code) };
  return s;
};

describe('browser host screens', () => {
  it('gives each page its own session and refuses ids it never gave out', () => {
    const core = fakeCore();
    const screens = createScreens(core, () => 0);
    const [a, b] = [screens.open(), screens.open()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(screens.session(a)).not.toBe(screens.session(b));
    expect(screens.session(undefined)).toBeUndefined();
    expect(screens.session('x'.repeat(43))).toBeUndefined();
    expect(screens.attach('x'.repeat(43), socket())).toBe(false);
  });

  it('keeps a screen through a dropped socket, and ends it after the grace period', () => {
    const core = fakeCore();
    let now = 0;
    const screens = createScreens(core, () => now, 60_000);
    const id = screens.open();
    const first = socket();
    expect(screens.attach(id, first)).toBe(true);
    now = 10 * 60_000;
    screens.sweep(); // attached: however long, the screen stays
    expect(screens.session(id)).toBeDefined();

    screens.detach(id, first, false);
    now += 30_000;
    screens.sweep();
    const second = socket();
    expect(screens.attach(id, second)).toBe(true); // the same page came back in time
    screens.detach(id, first, true); // the old socket's late close changes nothing
    now += 120_000;
    screens.sweep();
    expect(screens.session(id)).toBeDefined();

    screens.detach(id, second, false);
    now += 61_000;
    screens.sweep();
    expect(screens.session(id)).toBeUndefined();
    expect(core.closed).toEqual([1]);
    expect(screens.attach(id, socket())).toBe(false);
  });

  it('ends a screen at once when its page goes away (tab closed, reloaded)', () => {
    const core = fakeCore();
    const screens = createScreens(core, () => 0);
    const id = screens.open();
    const s = socket();
    screens.attach(id, s);
    screens.detach(id, s, true);
    expect(core.closed).toEqual([1]);
    expect(screens.session(id)).toBeUndefined();
  });

  it('lets a page that reconnects replace its own stale socket, and ends all on close', () => {
    const core = fakeCore();
    const screens = createScreens(core, () => 0);
    const id = screens.open();
    const stale = socket();
    screens.attach(id, stale);
    screens.attach(id, socket());
    expect(stale.closedWith).toBe(4409);
    screens.open();
    screens.closeAll();
    expect(core.closed).toEqual([1, 2]);
    expect(screens.size).toBe(0);
  });
});
