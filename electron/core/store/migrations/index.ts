/** Every migration of the console store, in order. Append only; never edit a shipped one. */
import type { Migration } from '../migrate';
import { m0001Settings } from './0001-settings';

export const migrations: readonly Migration[] = [m0001Settings];
