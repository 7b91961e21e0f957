/**
 * The supervisor's review (F9): the screened calls of a shift (07–15, 15–23, 23–07 WIB),
 * filtered by disposition, desk, operator and number; any of them reopened as a case in
 * the intake; soft blocks set and lifted; and the retention period in force. Operators
 * never see it (core refuses them too).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { displayNumber } from '../../../shared/domain/phone';
import type { ReviewedCall, ReviewPage } from '../../../shared/domain/review';
import { isHashedNumber } from '../../../shared/domain/retention';
import { ScreenDisposition } from '../../../shared/domain/screening';
import { formatWib, formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { useShortcut } from '../shell/shortcuts';
import { BlockAdmin } from './BlockAdmin';
import { requestReopen } from './reopen-bus';

export const REVIEW_KEY = { key: 'F9' } as const;

interface Filters {
  disposition: string;
  deskId: string;
  operator: string;
  number: string;
}
const NO_FILTERS: Filters = { disposition: '', deskId: '', operator: '', number: '' };

export function SupervisorReview() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  useShortcut(REVIEW_KEY, toggle);
  return (
    <>
      <button type="button" className="review-open" onClick={toggle} aria-keyshortcuts="F9">
        {t('review.open')} <kbd>F9</kbd>
      </button>
      {open ? <ReviewDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ReviewDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const firstFilter = useRef<HTMLSelectElement>(null);
  // The filters first: the supervisor narrows the list before walking it.
  useEffect(() => {
    dialog.current?.showModal();
    firstFilter.current?.focus();
  }, []);
  const [shiftsBack, setShiftsBack] = useState(0);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState<ReviewPage>();
  const [error, setError] = useState<ApiError>();
  const [version, setVersion] = useState(0);
  useEffect(() => client.subscribe('callers.changed', () => setVersion((v) => v + 1)), [client]);
  useEffect(() => {
    let live = true;
    const ScreenOrNone = ScreenDisposition.safeParse(filters.disposition);
    void client['review.calls']({
      shiftsBack,
      ...(ScreenOrNone.success ? { disposition: ScreenOrNone.data } : {}),
      ...(filters.deskId.trim() ? { deskId: filters.deskId } : {}),
      ...(filters.operator.trim() ? { operator: filters.operator } : {}),
      ...(filters.number.trim() ? { number: filters.number } : {}),
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, shiftsBack, filters, version]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const numberText = (c: ReviewedCall) =>
    c.callerNumber === null
      ? t('review.withheld')
      : isHashedNumber(c.callerNumber)
        ? t('review.hashed')
        : displayNumber(c.callerNumber);
  const reopen = (c: ReviewedCall) => {
    const known = c.callerNumber && !isHashedNumber(c.callerNumber);
    requestReopen({ callId: c.callId, number: known ? displayNumber(c.callerNumber!) : '' });
    dialog.current?.close();
  };

  return (
    <dialog
      ref={dialog}
      className="case-dialog review"
      aria-label={t('review.title')}
      onClose={onClose}
    >
      <header>
        <h2>{t('review.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('review.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {page ? (
        <p>
          {t('review.shift', {
            from: formatWib(page.shift.start, lang),
            to: formatWibTime(page.shift.end, lang),
          })}{' '}
          <button type="button" onClick={() => setShiftsBack((n) => n + 1)}>
            {t('review.previousShift')}
          </button>{' '}
          <button
            type="button"
            disabled={shiftsBack === 0}
            onClick={() => setShiftsBack((n) => Math.max(0, n - 1))}
          >
            {t('review.nextShift')}
          </button>
        </p>
      ) : null}
      {page ? <p>{t('review.retention', { months: page.retention.months })}</p> : null}
      <fieldset className="row">
        <legend>{t('review.filters')}</legend>
        <label>
          {t('review.disposition')}
          <select
            ref={firstFilter}
            value={filters.disposition}
            onChange={(e) => set({ disposition: e.target.value })}
          >
            <option value="">{t('review.anyDisposition')}</option>
            {ScreenDisposition.options.map((d) => (
              <option key={d} value={d}>
                {t(`review.dispositions.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.desk')}
          <input
            value={filters.deskId}
            maxLength={64}
            onChange={(e) => set({ deskId: e.target.value })}
          />
        </label>
        <label>
          {t('review.operator')}
          <input
            value={filters.operator}
            maxLength={120}
            onChange={(e) => set({ operator: e.target.value })}
          />
        </label>
        <label>
          {t('review.number')}
          <input
            type="tel"
            value={filters.number}
            maxLength={32}
            onChange={(e) => set({ number: e.target.value })}
          />
        </label>
      </fieldset>
      {error ? (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      ) : null}
      <table aria-label={t('review.calls')}>
        <thead>
          <tr>
            <th scope="col">{t('review.time')}</th>
            <th scope="col">{t('review.number')}</th>
            <th scope="col">{t('review.disposition')}</th>
            <th scope="col">{t('review.desk')}</th>
            <th scope="col">{t('review.operator')}</th>
            <th scope="col">{t('review.note')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {page?.calls.map((c) => (
            <tr key={c.callId}>
              <td>{formatWibTime(c.startedAt, lang)}</td>
              <td>{numberText(c)}</td>
              <td>{t(`review.dispositions.${c.disposition}`)}</td>
              <td>{c.deskId}</td>
              <td>{c.operator}</td>
              <td>{c.note}</td>
              <td>
                {c.caseId ? (
                  t('review.reopenedAs')
                ) : (
                  <button
                    type="button"
                    aria-label={t('review.reopenFor', {
                      time: formatWibTime(c.startedAt, lang),
                      number: numberText(c),
                    })}
                    onClick={() => reopen(c)}
                  >
                    {t('review.reopen')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.calls.length === 0 ? <p>{t('review.none')}</p> : null}
      <BlockAdmin />
    </dialog>
  );
}
