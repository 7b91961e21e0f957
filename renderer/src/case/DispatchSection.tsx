/**
 * A case's dispatches with their live status, and sending it to an OPD. A dispatch that
 * needs a phone call (core decides, by shared/domain/call-alarm.ts) shows "Telepon OPD" in
 * red with the OPD's duty number.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESK_DISPATCH_LIFECYCLE, isCaseOpen } from '../../../shared/domain/lifecycle';
import { suggestOpds } from '../../../shared/domain/routing';
import type { CaseDetail } from '../../../shared/domain/queue';
import { formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { refusalKey } from '../i18n/refusal-text';
import { useErrorText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import { useShortcut } from '../shell/shortcuts';
import type { KeptInputs } from './case-inputs';

export function DispatchSection({ detail, inputs }: { detail: CaseDetail; inputs: KeptInputs }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const ref = useReference();
  const errorText = useErrorText();
  // An OPD that returned the case said it is not theirs: it is not suggested again
  // (the operator can still pick it by hand).
  const sentTo = new Set(detail.dispatches.map((d) => d.opdId));
  const suggested = suggestOpds(ref.routing, detail.categoryId, detail.kecamatanId).filter(
    (id) => !sentTo.has(id),
  );
  // The list starts on no OPD: a send goes only where the operator pointed.
  const [opdId, setOpdId] = useState(inputs.saved.opdId);
  // A re-route being chosen survives the case stepping aside for a new call.
  useEffect(() => inputs.keep({ opdId }), [inputs, opdId]);
  const [error, setError] = useState<string>();
  const short = (id: string) => ref.opds.find((o) => o.id === id)?.short ?? id;
  const phone = (id: string) => ref.opds.find((o) => o.id === id)?.phone;
  // A cancelled or closed case keeps its history but is not sent anywhere again.
  const open = isCaseOpen(detail.status);

  const send = async (opdIds: string[]) => {
    if (!open) return;
    if (opdIds.length === 0) return setError(t('dispatch.chooseFirst'));
    const r = await client['case.dispatch']({ caseId: detail.caseId, opdIds });
    setError(r.ok ? undefined : errorText(r.error));
    if (r.ok) setOpdId('');
  };

  // One key sends to the OPD chosen in the list, or else confirms the routing table's
  // suggestion; with neither it asks for an OPD.
  useShortcut({ key: 'k', alt: true }, () => void send(opdId ? [opdId] : suggested));

  return (
    <section aria-labelledby="dispatch-title">
      <h3 id="dispatch-title">{t('dispatch.title')}</h3>
      {detail.dispatches.length === 0 ? <p className="muted">{t('dispatch.none')}</p> : null}
      <ul className="dispatches">
        {detail.dispatches.map((d) => (
          <li key={d.dispatchId}>
            <strong>{short(d.opdId)}</strong> · {t(DESK_DISPATCH_LIFECYCLE[d.status].label)} ·{' '}
            {formatWibTime(d.updatedAt, lang)} WIB{d.note ? ` · ${d.note}` : ''}
            {d.refusal ? ` · ${t(refusalKey(d.refusal))}` : ''}
            {d.callAlarm ? (
              <>
                <span className="call-opd" role="alert">
                  {' '}
                  <span aria-hidden="true">☎ </span>
                  {t('dispatch.callAlarm')}
                  {' · '}
                  {phone(d.opdId)
                    ? t('dispatch.phone', { opd: short(d.opdId), phone: phone(d.opdId) })
                    : t('dispatch.noPhone', { opd: short(d.opdId) })}
                </span>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void client['dispatch.called']({ dispatchId: d.dispatchId }).then((r) =>
                      setError(r.ok ? undefined : errorText(r.error)),
                    )
                  }
                >
                  {t('dispatch.called', { opd: short(d.opdId) })}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {open && suggested.length > 0 ? (
        <p>
          {t('dispatch.suggested')} <strong>{suggested.map(short).join(', ')}</strong>{' '}
          <button
            type="button"
            className="primary"
            onClick={() => void send(suggested)}
            aria-keyshortcuts="Alt+K"
          >
            {t('dispatch.sendSuggested')} <kbd>Alt+K</kbd>
          </button>
        </p>
      ) : null}
      {open ? (
        <div className="row">
          <label className="field">
            {t('dispatch.opd')}
            <select data-keep="opd" value={opdId} onChange={(e) => setOpdId(e.target.value)}>
              <option value="">{t('dispatch.choose')}</option>
              {ref.opds.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.short} — {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void send(opdId ? [opdId] : [])}>
            {t('dispatch.send')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
