/** What handlers may use: the store, the clock, and the current status. */
import type { AppStatus } from '../../shared/api/contract';
import type { Logger } from '../../shared/log';
import type { Store } from './store/database';

export interface CoreContext {
  store: Store;
  log: Logger;
  now(): number;
  status(): AppStatus;
  /** Tell subscribers that something in AppStatus changed. */
  statusChanged(): void;
}
