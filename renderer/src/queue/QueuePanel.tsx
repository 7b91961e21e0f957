/** The operator's queue: filters and text search (answered by core), the table, the case detail. */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseStatus } from '../../../shared/domain/case';
import { isCaseReturned } from '../../../shared/domain/lifecycle';
import type { QueueQuery, QueueSortColumn } from '../../../shared/domain/queue';
import { nextWibDay } from '../../../shared/time';
import { useNextCallKey } from '../alarms/next-call';
import { CaseDetailDialog } from '../case/CaseDetailDialog';
import { useErrorText } from '../i18n/use-error-text';
import { useCaseStepsAside } from '../intake/aside-bus';
import { useReference } from '../reference/reference-context';
import { useShortcut } from '../shell/shortcuts';
import { DateFilter } from './DateFilter';
import { QueueTable } from './QueueTable';
import { useQueuePages } from './use-queue-pages';
import { useReturnedCount } from './use-returned-count';

export function QueuePanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [urgency, setUrgency] = useState('');
  const [category, setCategory] = useState('');
  const [kecamatan, setKecamatan] = useState('');
  // WIB day starts; `to` includes its whole day.
  const [fromMs, setFrom] = useState<number>();
  const [toMs, setTo] = useState<number>();
  const [sort, setSort] = useState<{ column: QueueSortColumn; dir: 'asc' | 'desc' }>({
    column: 'time',
    dir: 'desc',
  });
  const [openCase, setOpenCase] = useState<string>();
  // A ringing call (F2) comes first: the open case waits aside in the intake panel, with
  // whatever was typed in its dialog.
  const { inputsFor } = useCaseStepsAside(openCase, setOpenCase);
  const search = useRef<HTMLInputElement>(null);

  const query: Omit<QueueQuery, 'offset' | 'limit'> = {
    sort,
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(status ? { status: [status as CaseStatus] } : {}),
    ...(urgency ? { urgency: [urgency as 'darurat' | 'non_darurat'] } : {}),
    ...(category ? { categoryId: [category] } : {}),
    ...(kecamatan ? { kecamatanId: [kecamatan] } : {}),
    ...(fromMs !== undefined ? { from: fromMs } : {}),
    ...(toMs !== undefined ? { to: nextWibDay(toMs) } : {}),
  };
  const { total, rowAt, ensureRange, error: pagesError, retry } = useQueuePages(query);
  const errorText = useErrorText();

  const { count: returned, error: returnedError } = useReturnedCount();
  const showReturned = useCallback(() => setStatus('returned'), []);
  useShortcut({ key: 'r', alt: true }, showReturned);
  const nextCallError = useNextCallKey(openCase, setOpenCase);
  useShortcut({ key: 'f', ctrl: true }, () => search.current?.focus());
  useShortcut({ key: 'F4' }, () => document.getElementById('queue-table')?.focus());
  const onSort = useCallback(
    (column: QueueSortColumn) =>
      setSort((s) => ({ column, dir: s.column === column && s.dir === 'desc' ? 'asc' : 'desc' })),
    [],
  );

  return (
    <section className="panel queue-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">
        {t('queue.title')} <span className="muted">({total ?? '…'})</span>
      </h2>
      <div className="filters" role="search">
        <button
          type="button"
          className={returned > 0 ? 'attention' : undefined}
          onClick={showReturned}
          aria-keyshortcuts="Alt+R"
          aria-pressed={isCaseReturned(status)}
          title={t('queue.returnedHint')}
        >
          {t('queue.returned', { count: returned })} <kbd>Alt+R</kbd>
        </button>
        <label>
          {t('queue.search')} <kbd>Ctrl+F</kbd>
          <input
            ref={search}
            type="search"
            value={text}
            maxLength={100}
            onChange={(e) => setText(e.target.value)}
            aria-keyshortcuts="Control+F"
          />
        </label>
        <label>
          {t('queue.col.status')}
          <select
            aria-label={t('queue.filterBy', { what: t('queue.col.status') })}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="">{t('queue.all')}</option>
            {CaseStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`caseStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.col.urgency')}
          <select
            aria-label={t('queue.filterBy', { what: t('queue.col.urgency') })}
            value={urgency}
            onChange={(e) => setUrgency(e.target.value)}
          >
            <option value="">{t('queue.all')}</option>
            <option value="darurat">{t('urgency.darurat')}</option>
            <option value="non_darurat">{t('urgency.non_darurat')}</option>
          </select>
        </label>
        <label>
          {t('queue.col.category')}
          <select
            aria-label={t('queue.filterBy', { what: t('queue.col.category') })}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            <option value="">{t('queue.all')}</option>
            {ref.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.kecamatan')}
          <select
            aria-label={t('queue.filterBy', { what: t('queue.kecamatan') })}
            value={kecamatan}
            onChange={(e) => setKecamatan(e.target.value)}
          >
            <option value="">{t('queue.all')}</option>
            {ref.kecamatan.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <DateFilter label={t('queue.from')} onChange={setFrom} />
        <DateFilter label={t('queue.to')} onChange={setTo} />
      </div>
      {/* Always present: the grid keeps the table in its stretching row. */}
      <div className="queue-problems">
        {pagesError ? (
          <p role="alert" className="error">
            {t('queue.loadFailed', { reason: errorText(pagesError) })}{' '}
            <button type="button" onClick={retry}>
              {t('app.retry')}
            </button>
          </p>
        ) : null}
        {returnedError ? (
          <p role="alert" className="error">
            {t('queue.returnedFailed', { reason: errorText(returnedError) })}
          </p>
        ) : null}
        {nextCallError ? (
          <p role="alert" className="error">
            {t('queue.nextCallFailed', { reason: errorText(nextCallError) })}
          </p>
        ) : null}
      </div>
      <QueueTable
        total={total ?? 0}
        rowAt={rowAt}
        ensureRange={ensureRange}
        sorting={sort}
        onSort={onSort}
        onOpen={setOpenCase}
        resetKey={JSON.stringify(query)}
      />
      <p className="muted keys">
        <kbd>F4</kbd> {t('queue.keysFocus')} · <kbd>↑</kbd>
        <kbd>↓</kbd> {t('queue.keysMove')} · <kbd>Enter</kbd> {t('queue.keysOpen')}
      </p>
      {openCase ? (
        <CaseDetailDialog
          key={openCase}
          caseId={openCase}
          inputs={inputsFor(openCase)}
          onClose={() => setOpenCase(undefined)}
        />
      ) : null}
    </section>
  );
}
