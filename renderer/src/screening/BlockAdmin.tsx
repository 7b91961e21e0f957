/**
 * Soft blocks for supervisors, inside the review: set one on a number with a reason and an
 * expiry (Alt+B), and lift any block in force (manual or automatic). Every desk sees the
 * change through the hub.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import type { Block } from '../../../shared/domain/blocks';
import { displayNumber } from '../../../shared/domain/phone';
import { isHashedNumber } from '../../../shared/domain/retention';
import { formatWib } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { useShortcut } from '../shell/shortcuts';

const HOURS = [1, 24, 72, 168, 720] as const;

export function BlockAdmin() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const errorText = useErrorText();
  const [blocks, setBlocks] = useState<Block[]>([]);
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState<number>(24);
  const [news, setNews] = useState<{ text: string; error: boolean }>();

  const load = useCallback(
    () =>
      void client['blocks.list']({}).then((r) => {
        if (r.ok) setBlocks(r.value.blocks);
        else setNews({ text: errorText(r.error), error: true });
      }),
    // errorText is stable in behaviour.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );
  useEffect(() => {
    load();
    return client.subscribe('callers.changed', load);
  }, [client, load]);

  const said = (r: { ok: true } | { ok: false; error: ApiError }, done: string) =>
    setNews(r.ok ? { text: done, error: false } : { text: errorText(r.error), error: true });

  const set = useCallback(async () => {
    const r = await client['caller.block']({ number, reason, hours });
    said(r, t('blockAdmin.setDone'));
    if (r.ok) {
      setNumber('');
      setReason('');
    }
    // said and t are stable in behaviour.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, number, reason, hours]);
  useShortcut({ key: 'b', alt: true }, () => void set());
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void set();
  };
  const lift = async (blockId: string) =>
    said(await client['caller.unblock']({ blockId }), t('blockAdmin.liftDone'));

  const shown = (n: string) => (isHashedNumber(n) ? t('review.hashed') : displayNumber(n));
  const active = blocks.filter((b) => b.liftedAt === null);
  return (
    <section aria-labelledby="block-admin-title">
      <h3 id="block-admin-title">{t('blockAdmin.title')}</h3>
      <form className="row" onSubmit={onSubmit}>
        <label>
          {t('blockAdmin.number')}
          <input
            type="tel"
            value={number}
            maxLength={32}
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <label>
          {t('blockAdmin.reason')}
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label>
          {t('blockAdmin.hours')}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" aria-keyshortcuts="Alt+B">
          {t('blockAdmin.set')} <kbd>Alt+B</kbd>
        </button>
      </form>
      {news ? (
        <p role={news.error ? 'alert' : 'status'} className={news.error ? 'error' : undefined}>
          {news.text}
        </p>
      ) : null}
      <h4>{t('blockAdmin.active')}</h4>
      {active.length === 0 ? <p>{t('blockAdmin.none')}</p> : null}
      <ul aria-label={t('blockAdmin.active')}>
        {active.map((b) => (
          <li key={b.blockId}>
            {shown(b.number)} · {t(`blocks.kind.${b.kind}`)}
            {b.kind === 'manual' ? `: ${b.reason}` : ''} ·{' '}
            {t('blocks.until', { time: formatWib(b.until, lang) })}{' '}
            <button
              type="button"
              aria-label={t('blockAdmin.liftFor', { number: shown(b.number) })}
              onClick={() => void lift(b.blockId)}
            >
              {t('blockAdmin.lift')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
