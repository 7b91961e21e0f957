/**
 * Remembers where the console window was (a small JSON file in the data dir), so an
 * operator's layout survives a restart. A missing, corrupt or off-screen state falls back
 * to a centred default instead of a window nobody can see.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export const windowStateFile = (dataDir: string): string =>
  path.join(dataDir, 'desktop', 'window-state.json');

export function readWindowState(file: string): WindowState {
  try {
    const parsed = WindowState.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Returns false (and keeps the old file) when the state is not one worth restoring. */
export function writeWindowState(file: string, state: WindowState): boolean {
  const checked = WindowState.safeParse(state);
  if (!checked.success) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a crash mid-write leaves the previous state, not half a file.
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(checked.data)}\n`);
  fs.renameSync(temp, file);
  return true;
}

/** Enough of the title bar to grab must lie on some display, or the position is dropped. */
const GRIP = { width: 120, height: 40 };

function overlaps(a: Area, b: Area): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Fits a remembered state to the displays present now (a monitor may have gone away). */
export function placeOnScreen(state: WindowState, workAreas: readonly Area[]): WindowState {
  const largest = workAreas.reduce<Area | undefined>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    undefined,
  );
  const width = largest ? Math.min(state.width, largest.width) : state.width;
  const height = largest ? Math.min(state.height, largest.height) : state.height;
  const base = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return base;
  const grip = { x: state.x, y: state.y, ...GRIP };
  return workAreas.some((area) => overlaps(grip, area))
    ? { ...base, x: state.x, y: state.y }
    : base;
}
