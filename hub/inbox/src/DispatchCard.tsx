/**
 * One dispatch in the queue: everything the OPD needs to act on it, and the actions the
 * hub would accept from its current status. Resolving needs a note and returning needs a
 * reason; both are typed in a small form inside the card. Caller text is shown as text.
 */
import { forwardRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge } from '../../../shared/age';
import { returnsCase } from '../../../shared/domain/lifecycle';
import { formatWib, formatWibTime } from '../../../shared/time';
import { langOf } from './format';
import { allowedActions, type ActionTo, type Item } from './inbox-state';
import { categoryName, placeName } from './reference';

const NOTE_MIN = 3;
const NOTE_MAX = 1000;

/** The plain keys that act on the selected dispatch, shown on its buttons. */
export const ACTION_KEYS: ReadonlyArray<{ key: string; to: ActionTo; label: string }> = [
  { key: 'T', to: 'accepted', label: 'action.accept' },
  { key: 'P', to: 'in_progress', label: 'action.progress' },
  { key: 'S', to: 'resolved', label: 'action.resolve' },
  { key: 'B', to: 'returned', label: 'action.return' },
];
const NEEDS_NOTE: ReadonlySet<ActionTo> = new Set(['resolved', 'returned']);

interface Props {
  item: Item;
  now: number;
  online: boolean;
  act: (dispatchId: string, to: ActionTo, note: string) => void;
  onMove: (step: 1 | -1) => void;
  onFocus: () => void;
}

export const DispatchCard = forwardRef<HTMLLIElement, Props>(function DispatchCard(
  { item, now, online, act, onMove, onFocus },
  ref,
) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [form, setForm] = useState<'resolved' | 'returned'>();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const allowed = allowedActions(item);
  const d = item.dispatch;
  const c = d.case;
  const headingId = `dispatch-${d.dispatchId}`;

  const start = (to: ActionTo) => {
    if (!allowed.has(to)) return;
    if (NEEDS_NOTE.has(to)) {
      setForm(to as 'resolved' | 'returned');
      setNote('');
      setNoteError(undefined);
      return;
    }
    act(d.dispatchId, to, '');
  };

  const submit = () => {
    if (!form) return;
    const text = note.trim();
    if (text.length < NOTE_MIN) {
      setNoteError(
        t(form === 'resolved' ? 'action.resolveNoteRequired' : 'action.returnNoteRequired'),
      );
      return;
    }
    if (text.length > NOTE_MAX) {
      setNoteError(t('action.noteTooLong'));
      return;
    }
    act(d.dispatchId, form, text);
    setForm(undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('textarea, input, form')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onMove(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    const action = ACTION_KEYS.find((a) => a.key.toLowerCase() === e.key.toLowerCase());
    if (action) {
      e.preventDefault();
      start(action.to);
    }
  };

  const caller = c.anonim
    ? t('item.anonim')
    : [c.callerName, c.callerNumber === null ? t('item.withheld') : c.callerNumber]
        .filter(Boolean)
        .join(' · ') || '—';

  return (
    <li
      ref={ref}
      tabIndex={0}
      className={`dispatch urgency-${c.urgency ?? 'non_darurat'}`}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="dispatch-head">
        <h3 id={headingId}>{categoryName(c.categoryId, lang)}</h3>
        {c.urgency ? (
          <span className={`badge urgency-${c.urgency}`}>{t(`urgency.${c.urgency}`)}</span>
        ) : null}
        <span className={`badge status-${item.status}`}>{t(`status.${item.status}`)}</span>
      </div>
      {c.description ? <p className="description">{c.description}</p> : null}
      {d.escalation ? (
        <p className="escalation" role="note">
          <strong>{t('item.escalation', { time: formatWibTime(d.escalation.at, lang) })}</strong>{' '}
          {d.escalation.note}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('item.place')}</dt>
        <dd>{placeName(c.kelurahanId, c.kecamatanId)}</dd>
        <dt>{t('item.address')}</dt>
        <dd>{c.address || '—'}</dd>
        <dt>{t('item.landmark')}</dt>
        <dd>{c.landmark || '—'}</dd>
        <dt>{t('item.caller')}</dt>
        <dd>{caller}</dd>
        <dt>{t('item.reporters')}</dt>
        <dd>{t('item.reporterCount', { count: d.reporters ?? 1 })}</dd>
        <dt>{t('item.queued')}</dt>
        <dd>
          {formatWib(d.queuedAt, lang)} ·{' '}
          <span className="age">{t('item.age', { age: formatAge(now - d.queuedAt, t) })}</span>
        </dd>
      </dl>
      {item.by ? (
        <p className="muted">
          {t(`status.${item.status}`)}{' '}
          {t('item.by', { person: item.by.actor.person, time: formatWibTime(item.by.at, lang) })}
        </p>
      ) : null}
      {item.pending ? (
        <p role="status" className="pending">
          {online ? t('item.sending') : t('item.waitingLink')}
        </p>
      ) : null}
      {item.error ? (
        <p role="alert" className="error">
          {t(`errors.${item.error}`, { defaultValue: t('errors.other', { code: item.error }) })}
        </p>
      ) : null}
      <div className="actions">
        {ACTION_KEYS.map((a) => (
          <button
            key={a.to}
            type="button"
            className={returnsCase(a.to) ? 'return' : undefined}
            disabled={!allowed.has(a.to)}
            aria-keyshortcuts={a.key}
            onClick={() => start(a.to)}
          >
            {t(a.label)} <kbd>{a.key}</kbd>
          </button>
        ))}
      </div>
      {form ? (
        <form
          className="note-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="field">
            {t(form === 'resolved' ? 'action.resolveNote' : 'action.returnNote')}
            <textarea
              autoFocus
              rows={2}
              value={note}
              maxLength={NOTE_MAX}
              aria-invalid={noteError ? true : undefined}
              onChange={(e) => {
                setNote(e.target.value);
                setNoteError(undefined);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.ctrlKey) {
                  e.preventDefault();
                  submit();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setForm(undefined);
                  (e.currentTarget.closest('li') as HTMLLIElement | null)?.focus();
                }
              }}
            />
          </label>
          {noteError ? (
            <p role="alert" className="error">
              {noteError}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" aria-keyshortcuts="Control+Enter">
              {t('action.send')} <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" aria-keyshortcuts="Escape" onClick={() => setForm(undefined)}>
              {t('action.cancel')} <kbd>Esc</kbd>
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
});
