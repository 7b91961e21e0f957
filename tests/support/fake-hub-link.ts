/**
 * A hub link a unit test answers by hand, on fake timers: each request waits until the
 * test answers it, fails it, or its timeout passes; going offline fails every open
 * request, as socket.io does on a disconnect.
 */
import type { HubStatus } from '../../shared/api/contract';
import type { HubLink } from '../../electron/core/hub/hub-link';
import type { FakeTimers } from './fake-timers';

export interface FakeRequest {
  name: string;
  payload: unknown;
  /** Still waiting for an answer. */
  open: boolean;
  answer(value: unknown): void;
  fail(reason: string): void;
}

export interface FakeHubLink extends HubLink {
  /** Every request so far, in the order sent. */
  requests: FakeRequest[];
  /** Requests still waiting for an answer, oldest first. */
  open(): FakeRequest[];
  goOffline(): void;
  goOnline(): void;
  /** The hub says (true) or does not say (false, as before batches) that it takes `batch`. */
  setBatches(takes: boolean): void;
  push(event: unknown): void;
}

export function fakeHubLink(clock: FakeTimers, online = true): FakeHubLink {
  let status: HubStatus = {
    url: 'https://hub.test',
    state: online ? 'online' : 'offline',
    since: 0,
  };
  const listeners = new Set<(s: HubStatus) => void>();
  const eventListeners = new Set<(raw: unknown) => void>();
  const requests: FakeRequest[] = [];
  let batches = false;
  const set = (state: HubStatus['state']): void => {
    status = { url: status.url, state, since: clock.now() };
    for (const l of listeners) l(status);
  };
  return {
    requests,
    open: () => requests.filter((r) => r.open),
    status: () => status,
    takesBatches: () => batches && status.state === 'online',
    setBatches(takes) {
      batches = takes;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onPush: () => () => undefined,
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    request(name, payload, timeoutMs) {
      if (status.state !== 'online') return Promise.reject(new Error('hub not connected'));
      return new Promise((resolve, reject) => {
        const request: FakeRequest = {
          name,
          payload,
          open: true,
          answer(value) {
            if (!request.open) return;
            request.open = false;
            cancel();
            resolve(value);
          },
          fail(reason) {
            if (!request.open) return;
            request.open = false;
            cancel();
            reject(new Error(reason));
          },
        };
        const cancel = clock.timers.after(timeoutMs, () => request.fail('operation has timed out'));
        requests.push(request);
      });
    },
    goOffline() {
      set('offline');
      for (const r of requests) r.fail('socket has been disconnected');
    },
    goOnline: () => set('online'),
    push(event) {
      for (const l of eventListeners) l(event);
    },
    close() {
      listeners.clear();
      eventListeners.clear();
    },
  };
}
