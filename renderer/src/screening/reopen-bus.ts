/**
 * How the supervisor's review hands a screened call to the intake: the intake starts a new
 * call with the caller's number (when it is still known) and saves it as the case that
 * screened call becomes.
 */
export interface ReopenRequest {
  /** The screened call. */
  callId: string;
  /** As the operator types it; empty when withheld or hashed after retention. */
  number: string;
}

const bus = new EventTarget();

export const requestReopen = (r: ReopenRequest): void =>
  void bus.dispatchEvent(new CustomEvent('reopen', { detail: r }));

export function onReopenRequest(listener: (r: ReopenRequest) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<ReopenRequest>).detail);
  bus.addEventListener('reopen', handler);
  return () => bus.removeEventListener('reopen', handler);
}
