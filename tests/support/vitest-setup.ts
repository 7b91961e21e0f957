/**
 * Runs before every Vitest file: the data folders its tests made with `tempDir` are removed
 * once the file's own hooks have stopped the processes using them (hooks after tests run
 * last-registered first, so this one runs last).
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from './processes';

afterAll(() => removeTempDirs());
