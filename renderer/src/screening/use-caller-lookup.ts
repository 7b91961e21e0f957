/**
 * Looks the caller up as the operator types: once the number reads as a valid number (or is
 * withheld), again whenever the ticks change, and every few seconds while it is on screen
 * (a call from this number may reach the desk meanwhile). An answer is shown only for the caller
 * now on screen, so the panel never shows another caller's history.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { normalizeNumber } from '../../../shared/domain/phone';
import type { Tick } from '../../../shared/domain/screening';
import type { CallerHistory } from '../../../shared/domain/screening/history';
import type { Likelihood } from '../../../shared/domain/screening/reasons';
import { useClient } from '../api/client-context';

const DELAY_MS = 120;
/** Asked again while on screen: another desk's call from this number may have come in. */
const REFRESH_MS = 5_000;

export type LookupState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; history: CallerHistory; likelihood: Likelihood }
  | { kind: 'failed'; error: ApiError };

type Answer =
  | { caller: string; ok: true; history: CallerHistory; likelihood: Likelihood }
  | { caller: string; ok: false; error: ApiError };

export function useCallerLookup(number: string, withheld: boolean, ticks: readonly Tick[]) {
  const client = useClient();
  const [answer, setAnswer] = useState<Answer>();
  const [round, setRound] = useState(0);
  const asked = useRef(0);
  const checked = withheld ? null : normalizeNumber(number);
  // The caller asked about: 'withheld', the normalized number, or '' for none yet.
  const caller = withheld ? 'withheld' : checked?.ok ? checked.e164 : '';
  const tickKey = [...ticks].sort().join(',');

  useEffect(() => {
    const seq = ++asked.current;
    if (caller === '') return;
    const timer = setTimeout(() => {
      void client['caller.lookup']({
        number: caller === 'withheld' ? '' : caller,
        withheld: caller === 'withheld',
        ticks: tickKey === '' ? [] : (tickKey.split(',') as Tick[]),
      }).then((r) => {
        if (seq !== asked.current) return; // a newer question was asked meanwhile
        setAnswer(r.ok ? { caller, ok: true, ...r.value } : { caller, ok: false, error: r.error });
      });
    }, DELAY_MS);
    const again = setTimeout(() => setRound((n) => n + 1), REFRESH_MS);
    return () => {
      clearTimeout(timer);
      clearTimeout(again);
    };
  }, [client, caller, tickKey, round]);

  if (caller === '') return { kind: 'idle' } satisfies LookupState;
  // New ticks for the same caller keep the last answer on screen until the next one.
  if (!answer || answer.caller !== caller) return { kind: 'loading' } satisfies LookupState;
  return answer.ok
    ? ({ kind: 'ready', history: answer.history, likelihood: answer.likelihood } as LookupState)
    : ({ kind: 'failed', error: answer.error } as LookupState);
}
