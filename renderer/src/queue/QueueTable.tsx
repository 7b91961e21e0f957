/**
 * The queue table: @tanstack/react-table for columns, headers and sort state (sorting runs
 * in SQLite), @tanstack/react-virtual so only the visible rows exist in the DOM. Keyboard:
 * arrows, PageUp/PageDown, Home/End move the selection, Enter opens the case.
 */
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow, QueueSortColumn } from '../../../shared/domain/queue';
import { formatAge } from '../../../shared/age';
import { formatWib } from '../../../shared/time';
import { useReference } from '../reference/reference-context';

const ROW_HEIGHT = 34;
type Slot = { index: number; row: QueueRow | undefined };

interface Props {
  total: number;
  rowAt(index: number): QueueRow | undefined;
  ensureRange(first: number, last: number): void;
  sorting: { column: QueueSortColumn; dir: 'asc' | 'desc' };
  onSort(column: QueueSortColumn): void;
  onOpen(caseId: string): void;
  /** Changes whenever the query changes, to bring the view back to the top. */
  resetKey: string;
}

export function QueueTable({
  total,
  rowAt,
  ensureRange,
  sorting,
  onSort,
  onOpen,
  resetKey,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Let React batch scroll renders instead of forcing one synchronously per scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    // Ask a page ahead, so rows are usually there before they scroll into view.
    if (total > 0) ensureRange(Math.max(0, first - 50), Math.min(total - 1, last + 150));
  }, [first, last, total, ensureRange]);
  useEffect(() => {
    setActive(0);
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const columns = useMemo<ColumnDef<Slot>[]>(() => {
    // Each row's cell texts are worked out once per row and language/clock tick, not on
    // every scroll frame (formatting and translation dominate the scripting time).
    const cache = new WeakMap<QueueRow, Map<string, string>>();
    let column = 0;
    const text = (get: (r: QueueRow) => string) => {
      const key = String(column++);
      return (slot: Slot) => {
        if (!slot.row) return '…';
        let cells = cache.get(slot.row);
        if (!cells) cache.set(slot.row, (cells = new Map()));
        let value = cells.get(key);
        if (value === undefined) cells.set(key, (value = get(slot.row)));
        return value;
      };
    };
    return [
      {
        id: 'time',
        header: t('queue.col.time'),
        accessorFn: text((r) => formatWib(r.createdAt, lang).slice(0, 16)),
      },
      {
        id: 'caller',
        header: t('queue.col.caller'),
        accessorFn: text((r) => r.callerMasked),
        enableSorting: false,
      },
      {
        id: 'category',
        header: t('queue.col.category'),
        accessorFn: text((r) => ref.categoryName(r.categoryId, lang)),
      },
      {
        id: 'kelurahan',
        header: t('queue.col.kelurahan'),
        accessorFn: text((r) => ref.kelurahanName(r.kelurahanId)),
      },
      {
        id: 'urgency',
        header: t('queue.col.urgency'),
        accessorFn: text((r) => t(`urgency.${r.urgency}`)),
      },
      {
        id: 'status',
        header: t('queue.col.status'),
        // A dispatch needing a phone call says so in words too, not by the red row alone;
        // it takes the status's place (the case shows both) so the column keeps its width.
        accessorFn: text((r) =>
          r.callAlarm ? `☎ ${t('dispatch.callAlarm')}` : t(`caseStatus.${r.status}`),
        ),
      },
      {
        id: 'opd',
        header: t('queue.col.opd'),
        accessorFn: text((r) => r.opd ?? '—'),
        enableSorting: false,
      },
      {
        id: 'age',
        header: t('queue.col.age'),
        accessorFn: text((r) => formatAge(now - r.createdAt, t)),
        enableSorting: false,
      },
      {
        id: 'summary',
        header: t('queue.col.summary'),
        accessorFn: text((r) => r.summary),
        enableSorting: false,
      },
    ];
  }, [t, lang, ref, now]);

  // The table keeps each row's cell values for as long as its data stays the same object,
  // so new slots are made whenever the columns change (the clock ticked, the language
  // switched): otherwise ages and words would stay as first drawn.
  const data = useMemo<Slot[]>(
    () => items.map((v) => ({ index: v.index, row: rowAt(v.index) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- columns: see above
    [items, rowAt, columns],
  );
  const sortState: SortingState = [{ id: sorting.column, desc: sorting.dir === 'desc' }];
  const table = useReactTable({
    data,
    columns,
    state: { sorting: sortState },
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const pageRows = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1,
    );
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => {
        const row = rowAt(active);
        if (row) onOpen(row.caseId);
      },
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div
      ref={scroller}
      className="queue-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('queue.tableLabel')}
      aria-keyshortcuts="F4"
      onKeyDown={onKeyDown}
      id="queue-table"
    >
      {/* The rows in view sit in the table's flow between two spacers standing for the
          rows above and below them, so the scroll bar spans the whole list. */}
      <table className="queue" aria-rowcount={total + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const sortable = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    className={`col-${header.id}`}
                    aria-sort={
                      sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined
                    }
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={() => onSort(header.id as QueueSortColumn)}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted ? (sorted === 'desc' ? ' ▼' : ' ▲') : ''}
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          <Spacer height={items[0]?.start ?? 0} columns={columns.length} />
          {table.getRowModel().rows.map((row) => {
            const slot = row.original;
            return (
              <QueueRowView
                key={slot.index}
                index={slot.index}
                row={slot.row}
                cells={row
                  .getVisibleCells()
                  .map((cell) => [cell.column.id, String(cell.getValue())] as const)}
                active={slot.index === active}
                onSelect={setActive}
                onOpen={onOpen}
              />
            );
          })}
          <Spacer
            height={virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)}
            columns={columns.length}
          />
        </tbody>
      </table>
      {total === 0 ? <p className="empty">{t('queue.empty')}</p> : null}
    </div>
  );
}

/** Stands for the rows not in the DOM, above or below those that are. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

interface RowProps {
  index: number;
  row: QueueRow | undefined;
  cells: ReadonlyArray<readonly [string, string]>;
  active: boolean;
  onSelect(index: number): void;
  onOpen(caseId: string): void;
}

/** One queue row; re-renders only when its own content or selection changes. */
const QueueRowView = memo(
  function QueueRowView({ index, row, cells, active, onSelect, onOpen }: RowProps) {
    return (
      <tr
        aria-rowindex={index + 2}
        aria-selected={active}
        className={`${active ? 'active' : ''} ${row?.urgency === 'darurat' ? 'urgent' : ''} ${row?.callAlarm ? 'call-alarm' : ''}`}
        style={{ height: ROW_HEIGHT }}
        onClick={() => onSelect(index)}
        onDoubleClick={() => row && onOpen(row.caseId)}
      >
        {cells.map(([id, value]) => (
          // The full text on hover, for a cell cut short.
          <td key={id} className={`col-${id}`} title={value}>
            {value}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.row === b.row &&
    a.active === b.active &&
    a.cells.every(([, v], i) => v === b.cells[i]?.[1]),
);
