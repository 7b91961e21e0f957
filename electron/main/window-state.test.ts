/** The remembered window place: survives a restart, never leaves a window off-screen. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  placeOnScreen,
  readWindowState,
  writeWindowState,
  windowStateFile,
} from './window-state';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-state-'));
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('round-trips through a small JSON file in the data dir', () => {
    const file = windowStateFile(dataDir());
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    const state = { x: 100, y: 50, width: 1400, height: 900, maximized: true };
    expect(writeWindowState(file, state)).toBe(true);
    expect(readWindowState(file)).toEqual(state);
  });

  it('falls back to the default on a corrupt or nonsensical file', () => {
    const file = windowStateFile(dataDir());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"width": 5');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(file, JSON.stringify({ width: -3, height: 'tall', maximized: 1 }));
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    expect(writeWindowState(file, { width: 10, height: 10, maximized: false })).toBe(false);
  });

  it('drops a position that is on no display any more, and fits the size', () => {
    const gone = placeOnScreen(
      { x: 2500, y: 100, width: 1400, height: 900, maximized: false },
      screen,
    );
    expect(gone).toEqual({ width: 1400, height: 900, maximized: false });
    const kept = placeOnScreen(
      { x: 10, y: 10, width: 1400, height: 900, maximized: false },
      screen,
    );
    expect(kept).toMatchObject({ x: 10, y: 10 });
    const huge = placeOnScreen({ width: 4000, height: 3000, maximized: false }, screen);
    expect(huge).toMatchObject({ width: 1920, height: 1080 });
  });
});
