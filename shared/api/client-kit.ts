/**
 * What every ConsoleClient transport shares: one named method per contract channel, and
 * event fan-out that passes on only events matching the contract.
 */
import type { ConsoleClient, ConsoleMethods } from './client';
import { channels, events, type Channel, type EventName } from './contract';
import type { ApiResult } from './errors';

/** Builds the named methods from the contract, so a channel added there is exposed here. */
export function methodsFor(
  call: (channel: Channel, args: unknown) => Promise<ApiResult<unknown>>,
): ConsoleMethods {
  return Object.fromEntries(
    channels.map((channel) => [channel, (args: unknown) => call(channel, args)]),
  ) as unknown as ConsoleMethods;
}

type Listener = (payload: unknown) => void;

export function createEventHub(): {
  /** Delivers `{ event, payload }` from the backend if it matches the contract; drops it otherwise. */
  deliver(message: unknown): void;
  subscribe: ConsoleClient['subscribe'];
} {
  const listeners = new Map<EventName, Set<Listener>>();
  return {
    deliver(message) {
      const { event, payload } = (message ?? {}) as { event?: unknown; payload?: unknown };
      if (typeof event !== 'string' || !Object.hasOwn(events, event)) return;
      const name = event as EventName;
      const checked = events[name].safeParse(payload);
      if (!checked.success) return;
      for (const listener of listeners.get(name) ?? []) listener(checked.data);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
