/**
 * "Open the next case that needs a phone call" (Alt+T, or the status-bar count), and "open
 * this case" from the supervisors' alarm panel: the queue panel holds the case dialog,
 * the others only ask for it, through these events.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { useClient } from '../api/client-context';
import { useShortcut } from '../shell/shortcuts';

const EVENT = 'sigap:next-call';
/** "Open this case" from the supervisors' alarm panel; the case id is the event's detail. */
const OPEN_EVENT = 'sigap:open-case';

export function requestNextCall(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function requestOpenCase(caseId: string): void {
  window.dispatchEvent(new CustomEvent<string>(OPEN_EVENT, { detail: caseId }));
}

/**
 * Binds Alt+T: opens the case of the longest-waiting dispatch that needs a call; pressed
 * again over such a case, the next one (and around).
 */
export function useNextCallKey(
  openCase: string | undefined,
  open: (caseId: string) => void,
): ApiError | undefined {
  const client = useClient();
  // Why the last Alt+T found nothing to open, when the list could not be read.
  const [error, setError] = useState<ApiError>();
  const go = useCallback(
    () =>
      void client['alarms.list']({}).then((r) => {
        setError(r.ok ? undefined : r.error);
        if (!r.ok) return;
        const cases = [...new Set(r.value.alarms.map((a) => a.caseId))];
        if (cases.length === 0) return;
        const at = openCase ? cases.indexOf(openCase) : -1;
        open(cases[(at + 1) % cases.length]!);
      }),
    [client, openCase, open],
  );
  useShortcut({ key: 't', alt: true }, go);
  useEffect(() => {
    window.addEventListener(EVENT, go);
    return () => window.removeEventListener(EVENT, go);
  }, [go]);
  useEffect(() => {
    const openOne = (e: Event) => {
      const caseId = (e as CustomEvent<unknown>).detail;
      if (typeof caseId === 'string') open(caseId);
    };
    window.addEventListener(OPEN_EVENT, openOne);
    return () => window.removeEventListener(OPEN_EVENT, openOne);
  }, [open]);
  return error;
}
