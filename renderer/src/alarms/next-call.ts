/**
 * "Open the next case that needs a phone call" (Alt+T, or the status-bar count): the queue
 * panel holds the case dialog, the status bar only asks for it, through this one event.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { useClient } from '../api/client-context';
import { useShortcut } from '../shell/shortcuts';

const EVENT = 'sigap:next-call';

export function requestNextCall(): void {
  window.dispatchEvent(new Event(EVENT));
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
  return error;
}
