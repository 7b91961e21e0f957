/**
 * Publishing an edited table: the reason, then Enter. Says what happened in words — the
 * version made, or why the hub (or this desk) refused, nothing changed.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/api/errors';
import { useSupervisorErrorText } from '../alarms/supervisor-error-text';

export function PublishBar({
  publish,
}: {
  /** A local problem (already in words), or the console's answer. */
  publish(reason: string): Promise<string | ApiResult<{ version: number }>>;
}) {
  const { t } = useTranslation();
  const errorText = useSupervisorErrorText();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<{ text: string; error: boolean }>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setNews({ text: t('rules.reasonNeeded'), error: true });
    setBusy(true);
    const r = await publish(reason.trim());
    setBusy(false);
    if (typeof r === 'string')
      return setNews({ text: t('rules.notPublished', { reason: r }), error: true });
    if (!r.ok)
      return setNews({
        text: t('rules.notPublished', { reason: errorText(r.error) }),
        error: true,
      });
    setReason('');
    setNews({ text: t('rules.published', { version: r.value.version }), error: false });
  };

  return (
    <form className="row" onSubmit={(e) => void submit(e)} aria-label={t('rules.publish')}>
      <label>
        {t('rules.reason')}
        <input
          autoComplete="off"
          maxLength={300}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('rules.publishing') : t('rules.publish')} <kbd>Enter</kbd>
      </button>
      {news ? (
        <p role={news.error ? 'alert' : 'status'} className={news.error ? 'error' : 'muted'}>
          {news.text}
        </p>
      ) : null}
    </form>
  );
}
