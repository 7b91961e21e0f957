/**
 * The OPD's open dispatches in triage order (emergencies first, then the longest
 * waiting), moved through by keyboard, and the ones closed while this page was open.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWibTime } from '../../../shared/time';
import { ACTION_KEYS, DispatchCard } from './DispatchCard';
import { langOf } from './format';
import { triageOrder, type ActionTo, type InboxState } from './inbox-state';
import { categoryName } from './reference';

interface Props {
  state: InboxState;
  now: number;
  online: boolean;
  act: (dispatchId: string, to: ActionTo, note: string) => void;
}

export function Queue({ state, now, online, act }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const items = triageOrder(state.open);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const order = useRef<string[]>([]);
  const [selected, setSelected] = useState<string>();
  useEffect(() => {
    order.current = items.map((i) => i.dispatch.dispatchId);
  });

  const focusAt = useCallback((index: number) => {
    const ids = order.current;
    const id = ids[Math.max(0, Math.min(ids.length - 1, index))];
    if (id) refs.current.get(id)?.focus();
  }, []);

  // A dispatch that just left the list (resolved, returned, withdrawn) hands the
  // keyboard to the next one instead of dropping it on the page.
  const ids = items.map((i) => i.dispatch.dispatchId).join(',');
  useEffect(() => {
    if (selected && !state.open[selected] && document.activeElement === document.body) {
      focusAt(0);
    }
  }, [ids, selected, state.open, focusAt]);

  // ↓ from nowhere on the page starts at the top of the queue.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowDown' || document.activeElement !== document.body) return;
      e.preventDefault();
      focusAt(0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusAt]);

  return (
    <>
      <section className="panel queue" aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t('queue.title')} <span className="muted">({items.length})</span>
        </h2>
        <p className="muted keys">
          {t('queue.order')} <kbd>↑</kbd> <kbd>↓</kbd> {t('queue.keys')}
          {ACTION_KEYS.map((a) => (
            <span key={a.key}>
              {' · '}
              <kbd>{a.key}</kbd> {t(a.label)}
            </span>
          ))}
        </p>
        {!state.loaded ? <p className="muted">{t('queue.loading')}</p> : null}
        {state.loaded && items.length === 0 ? <p>{t('queue.empty')}</p> : null}
        <ol className="dispatch-list" aria-label={t('queue.listLabel')}>
          {items.map((item, index) => (
            <DispatchCard
              key={item.dispatch.dispatchId}
              ref={(el) => {
                if (el) refs.current.set(item.dispatch.dispatchId, el);
                else refs.current.delete(item.dispatch.dispatchId);
              }}
              item={item}
              now={now}
              online={online}
              act={act}
              onMove={(step) => focusAt(index + step)}
              onFocus={() => setSelected(item.dispatch.dispatchId)}
            />
          ))}
        </ol>
      </section>
      {state.closed.length > 0 ? (
        <section className="panel closed" aria-labelledby="closed-title">
          <h2 id="closed-title">{t('queue.closedTitle')}</h2>
          <ul aria-label={t('queue.closedLabel')}>
            {state.closed.map((item) => (
              <li key={item.dispatch.dispatchId}>
                <strong>{categoryName(item.dispatch.case.categoryId, lang)}</strong> ·{' '}
                {t(`status.${item.status}`)}
                {item.note ? ` · ${item.note}` : ''}
                {item.by
                  ? ` · ${t('item.by', { person: item.by.actor.person, time: formatWibTime(item.by.at, lang) })}`
                  : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
