/**
 * What waits aside while a new call is typed: calls put aside by F2 (kept as drafts, on
 * disk too) and the case that was open. One control lists them (Alt+S); each comes back
 * with one key. Nothing here is dropped unless the operator says so.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/api/errors';
import type { CaseDetail } from '../../../shared/domain/queue';
import { formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import type { AsideItem } from './form-state';

interface Props {
  items: readonly AsideItem[];
  open: boolean;
  onOpen(open: boolean): void;
  onResume(callId: string): void;
  onDiscard(callId: string): void;
  onReopenCase(caseId: string): void;
}

export function AsideTray({ items, open, onOpen, onResume, onDiscard, onReopenCase }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const list = useRef<HTMLUListElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) list.current?.querySelector('button')?.focus();
  }, [open]);
  if (items.length === 0) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="aside-tray" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="attention"
        aria-expanded={open}
        aria-controls="intake-aside"
        aria-keyshortcuts="Alt+S"
        onClick={() => onOpen(!open)}
      >
        {t('intake.aside', { count: items.length })} <kbd>Alt+S</kbd>
      </button>
      {open ? (
        <ul id="intake-aside" ref={list} aria-label={t('intake.asideList')}>
          {items.map((item) =>
            item.kind === 'draft' ? (
              <li key={item.call.callId}>
                <span>
                  {t('intake.asideCall', { time: formatWibTime(item.call.startedAt, lang) })}
                  <span className="summary">
                    {item.call.form.description || item.call.form.callerNumber || '—'}
                  </span>
                </span>
                <button type="button" onClick={() => onResume(item.call.callId)}>
                  {t('intake.draftRestore')}
                </button>
                <button type="button" onClick={() => onDiscard(item.call.callId)}>
                  {t('intake.draftDiscard')}
                </button>
              </li>
            ) : (
              <AsideCase key={item.caseId} caseId={item.caseId} onReopen={onReopenCase} />
            ),
          )}
        </ul>
      ) : null}
    </div>
  );
}

function AsideCase({ caseId, onReopen }: { caseId: string; onReopen(caseId: string): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const ref = useReference();
  const errorText = useErrorText();
  const [read, setRead] = useState<ApiResult<CaseDetail>>();
  useEffect(() => {
    void client['case.get']({ caseId }).then(setRead);
  }, [client, caseId]);
  // A case that cannot be read says why in place of its summary (it can still be reopened).
  const label = !read
    ? undefined
    : read.ok
      ? `${ref.categoryName(read.value.categoryId, lang)} — ${read.value.description}`
      : errorText(read.error);
  return (
    <li>
      <span>
        {t('intake.asideCase')} · <span className="summary">{label ?? '…'}</span>
      </span>
      <button type="button" onClick={() => onReopen(caseId)}>
        {t('intake.reopenCase')}
      </button>
    </li>
  );
}
