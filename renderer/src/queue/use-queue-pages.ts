/**
 * Pages of the queue fetched from core as the operator scrolls: only what is visible (plus
 * a margin) is ever asked for, so a 100,000-case queue costs the page a few hundred rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { QueueQuery, QueueRow } from '../../../shared/domain/queue';
import { useClient } from '../api/client-context';
import { readOnChange } from '../api/read-on-change';

export const PAGE_SIZE = 100;
/** The least time between two refreshes asked for by changes. */
const CHANGE_GAP_MS = 200;

export function useQueuePages(query: Omit<QueueQuery, 'offset' | 'limit'>) {
  const client = useClient();
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [, setVersion] = useState(0);
  // The last page that could not be fetched: shown above the table until a fetch succeeds.
  const [error, setError] = useState<ApiError>();
  // Each page remembers the generation it was fetched in: after a store change the old rows
  // stay on screen (and stay openable) until their refreshed page arrives.
  const pages = useRef(new Map<number, { gen: number; rows: QueueRow[] }>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const counted = useRef(new Set<number>());
  const lastRange = useRef<[number, number]>([0, PAGE_SIZE]);
  const key = JSON.stringify(query);

  const load = useCallback(
    (page: number, gen: number): Promise<void> => {
      if (pending.current.has(page)) return Promise.resolve();
      pending.current.add(page);
      // Only the first page of a query generation counts all matches.
      const count = !counted.current.has(gen);
      counted.current.add(gen);
      const args = { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE, count };
      return client['queue.list'](args).then((r) => {
        pending.current.delete(page);
        if (gen !== generation.current) return;
        if (!r.ok) return setError(r.error);
        setError(undefined);
        pages.current.set(page, { gen, rows: r.value.rows });
        if (r.value.total !== null) setTotal(r.value.total);
        setVersion((v) => v + 1);
      });
    },
    // `key` stands for `query`'s contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );

  const ensureRange = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (pages.current.get(p)?.gen !== generation.current) void load(p, generation.current);
      }
    },
    [load],
  );

  const reload = useCallback(
    (keepRows: boolean): Promise<unknown> => {
      generation.current += 1;
      if (!keepRows) pages.current = new Map();
      pending.current = new Set();
      const [first, last] = lastRange.current;
      const loads: Promise<void>[] = [];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++)
        loads.push(load(p, generation.current));
      return Promise.all(loads);
    },
    [load],
  );

  // A new query starts from the top, with nothing from the old one on screen.
  useEffect(() => {
    lastRange.current = [0, PAGE_SIZE];
    void reload(false);
  }, [reload]);

  // Something changed in the store: refresh what is on screen, keeping the rows shown
  // meanwhile so a busy hub never blanks the queue under the operator's cursor. A burst of
  // changes makes a few refreshes, not one each (read-on-change.ts).
  useEffect(() => {
    const refresh = readOnChange(() => reload(true), CHANGE_GAP_MS);
    const off = client.subscribe('queue.changed', refresh.request);
    return () => {
      off();
      refresh.stop();
    };
  }, [client, reload]);

  const rowAt = (index: number): QueueRow | undefined =>
    pages.current.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];

  /** Fetches what is on screen again, after a failure. */
  const retry = useCallback(() => void reload(true), [reload]);

  return { total, rowAt, ensureRange, error, retry };
}
