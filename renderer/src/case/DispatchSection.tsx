/**
 * A case's dispatches with their live status, and sending it to an OPD. A dispatch that
 * is refused, unsent after 2 minutes or unaccepted after 5 shows "Telepon OPD" in red.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needsCall } from '../../../shared/domain/dispatch';
import type { CaseDetail } from '../../../shared/domain/queue';
import { formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import { useShortcut } from '../shell/shortcuts';

export function DispatchSection({ detail, now }: { detail: CaseDetail; now: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const ref = useReference();
  const errorText = useErrorText();
  const sentTo = new Set(
    detail.dispatches.filter((d) => d.status !== 'returned').map((d) => d.opdId),
  );
  const [opdId, setOpdId] = useState(() => ref.opds.find((o) => !sentTo.has(o.id))?.id ?? '');
  const [error, setError] = useState<string>();
  const short = (id: string) => ref.opds.find((o) => o.id === id)?.short ?? id;

  const send = async () => {
    if (!opdId) return;
    const r = await client['case.dispatch']({ caseId: detail.caseId, opdIds: [opdId] });
    setError(r.ok ? undefined : errorText(r.error));
  };

  useShortcut({ key: 'k', alt: true }, () => void send());

  return (
    <section aria-labelledby="dispatch-title">
      <h3 id="dispatch-title">{t('dispatch.title')}</h3>
      {detail.dispatches.length === 0 ? <p className="muted">{t('dispatch.none')}</p> : null}
      <ul className="dispatches">
        {detail.dispatches.map((d) => (
          <li key={d.dispatchId}>
            <strong>{short(d.opdId)}</strong> · {t(`dispatch.status.${d.status}`)} ·{' '}
            {formatWibTime(d.updatedAt, lang)} WIB{d.note ? ` · ${d.note}` : ''}
            {needsCall(d, now) ? (
              <span className="call-opd" role="alert">
                {' '}
                {t('dispatch.callOpd')}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="row">
        <label className="field">
          {t('dispatch.opd')}
          <select value={opdId} onChange={(e) => setOpdId(e.target.value)}>
            {ref.opds.map((o) => (
              <option key={o.id} value={o.id}>
                {o.short} — {o.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => void send()}
          aria-keyshortcuts="Alt+K"
        >
          {t('dispatch.send')} <kbd>Alt+K</kbd>
        </button>
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
