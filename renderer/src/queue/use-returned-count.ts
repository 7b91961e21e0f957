/**
 * How many cases OPDs returned as "bukan wewenang" and wait for re-routing: the operators'
 * triage list. Kept current as statuses arrive.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { useClient } from '../api/client-context';
import { readOnChange } from '../api/read-on-change';

/** The least time between two counts asked for by changes. */
const CHANGE_GAP_MS = 200;

/** The count, and why it could not be read (then the count shown is the last one known). */
export function useReturnedCount(): { count: number; error: ApiError | undefined } {
  const client = useClient();
  const [count, setCount] = useState(0);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let alive = true;
    const load = () =>
      client['queue.list']({ status: ['returned'], limit: 1 }).then((r) => {
        if (!alive) return;
        setError(r.ok ? undefined : r.error);
        if (r.ok) setCount(r.value.total ?? 0);
      });
    // One count for a burst of changes, not one each (read-on-change.ts).
    const refresh = readOnChange(load, CHANGE_GAP_MS);
    refresh.request();
    const off = client.subscribe('queue.changed', refresh.request);
    return () => {
      alive = false;
      off();
      refresh.stop();
    };
  }, [client]);
  return { count, error };
}
