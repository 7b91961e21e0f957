/**
 * How many cases OPDs returned as "bukan wewenang" and wait for re-routing: the operators'
 * triage list. Kept current as statuses arrive.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { useClient } from '../api/client-context';

/** The count, and why it could not be read (then the count shown is the last one known). */
export function useReturnedCount(): { count: number; error: ApiError | undefined } {
  const client = useClient();
  const [count, setCount] = useState(0);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let alive = true;
    const load = () =>
      void client['queue.list']({ status: ['returned'], limit: 1 }).then((r) => {
        if (!alive) return;
        setError(r.ok ? undefined : r.error);
        if (r.ok) setCount(r.value.total ?? 0);
      });
    load();
    const off = client.subscribe('queue.changed', load);
    return () => {
      alive = false;
      off();
    };
  }, [client]);
  return { count, error };
}
