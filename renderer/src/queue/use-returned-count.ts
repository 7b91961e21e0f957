/**
 * How many cases OPDs returned as "bukan wewenang" and wait for re-routing: the operators'
 * triage list. Kept current as statuses arrive.
 */
import { useEffect, useState } from 'react';
import { useClient } from '../api/client-context';

export function useReturnedCount(): number {
  const client = useClient();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void client['queue.list']({ status: ['returned'], limit: 1 }).then((r) => {
        if (alive && r.ok) setCount(r.value.total ?? 0);
      });
    load();
    const off = client.subscribe('queue.changed', load);
    return () => {
      alive = false;
      off();
    };
  }, [client]);
  return count;
}
