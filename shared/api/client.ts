/**
 * What the renderer sees of the console: one named method per channel plus event
 * subscription. The browser host's client and the desktop preload both satisfy this type.
 */
import type { ApiResult } from './errors';
import type { ArgsOf, Channel, EventName, EventPayload, ResultOf } from './contract';

export type ConsoleMethods = {
  readonly [C in Channel]: (args: ArgsOf<C>) => Promise<ApiResult<ResultOf<C>>>;
};

/** The page's own link to the console backend (not the hub): can the UI reach core? */
export type BackendLink = 'connecting' | 'up' | 'down' | 'unauthorized';

export interface ConsoleClient extends ConsoleMethods {
  /** Returns an unsubscribe function. */
  subscribe<E extends EventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void;
  /** Calls back now and on every change of the backend link; returns an unsubscribe. */
  onBackendLink(listener: (link: BackendLink) => void): () => void;
}
