/**
 * Every field of a case, its calls and its timeline. Caller text is shown as text, always.
 * What the operator types here starts from, and is kept in, `inputs`: a case put aside by
 * a new call comes back with the same form open, the same text, the cursor where it was.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/domain/queue';
import { displayNumber } from '../../../shared/domain/phone';
import { formatWib } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { onNewCall } from '../intake/aside-bus';
import { useReference } from '../reference/reference-context';
import { SupervisorActions } from '../alarms/SupervisorActions';
import { CaseClosing } from '../closing/CaseClosing';
import { CaseActions } from './CaseActions';
import { focusIn, restoreFocus, type KeptInputs } from './case-inputs';
import { DispatchSection } from './DispatchSection';
import { ServiceClocks } from './ServiceClocks';
import { useTimelineNote } from './timeline-note';

const CLOCKS_REFRESH_MS = 30_000;

interface Props {
  caseId: string;
  inputs: KeptInputs;
  onClose(): void;
}

export function CaseDetailDialog({ caseId, inputs, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const ref = useReference();
  const errorText = useErrorText();
  const timelineNote = useTimelineNote();
  const [detail, setDetail] = useState<CaseDetail>();
  const [error, setError] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => dialog.current?.showModal(), []);

  // A new call takes the screen: remember which field held the cursor, to give it back.
  useEffect(() => onNewCall(() => inputs.keep({ focus: focusIn(dialog.current) })), [inputs]);
  // Back from aside: once the case is shown, the cursor returns to that field (once).
  const refocus = useRef(inputs.saved.focus);
  useEffect(() => {
    if (detail && refocus.current && restoreFocus(dialog.current, refocus.current))
      refocus.current = null;
  }, [detail]);

  // Statuses arrive live: reload the case whenever it changes.
  useEffect(() => {
    const load = () =>
      void client['case.get']({ caseId }).then((r) =>
        r.ok ? setDetail(r.value) : setError(errorText(r.error)),
      );
    load();
    // Clocks turn late with time alone: read them again now and then.
    const tick = setInterval(load, CLOCKS_REFRESH_MS);
    const unsubscribe = client.subscribe('queue.changed', (e) => {
      if (e.caseId === caseId) load();
    });
    return () => {
      clearInterval(tick);
      unsubscribe();
    };
    // errorText is stable in behaviour; re-subscribe only for another case.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, caseId]);

  const rows: Array<[string, string]> = detail
    ? [
        [t('detail.status'), t(`caseStatus.${detail.status}`)],
        [t('intake.category'), ref.categoryName(detail.categoryId, lang)],
        [t('intake.urgency'), t(`urgency.${detail.urgency}`)],
        [
          t('detail.classification'),
          detail.classification ? t(`classification.${detail.classification}`) : '—',
        ],
        [t('intake.kecamatan'), ref.kecamatanName(detail.kecamatanId)],
        [t('intake.kelurahan'), ref.kelurahanName(detail.kelurahanId)],
        [t('intake.address'), detail.address || '—'],
        [t('intake.landmark'), detail.landmark || '—'],
        [t('detail.coordinates'), detail.lat !== null ? `${detail.lat}, ${detail.lng}` : '—'],
        [
          t('detail.protection'),
          [detail.anonim ? t('intake.anonim') : '', detail.rahasia ? t('intake.rahasia') : '']
            .filter(Boolean)
            .join(', ') || '—',
        ],
        [t('detail.created'), formatWib(detail.createdAt, lang)],
        [t('duplicates.reporters'), t('duplicates.reporterCount', { count: detail.reporters })],
      ]
    : [];

  return (
    <dialog ref={dialog} className="case-dialog" aria-label={t('detail.title')} onClose={onClose}>
      <header>
        <h2>{t('detail.title')}</h2>
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          {t('detail.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {error ? <p role="alert">{error}</p> : null}
      {detail ? (
        <>
          <section aria-label={t('intake.description')}>
            <h3>{t('intake.description')}</h3>
            <p className="description">{detail.description}</p>
          </section>
          <dl className="facts">
            {rows.map(([k, v]) => (
              <div key={k} className="fact">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <ServiceClocks detail={detail} />
          <DispatchSection detail={detail} inputs={inputs} />
          <CaseActions key={detail.caseId} detail={detail} inputs={inputs} />
          <SupervisorActions key={`supervise-${detail.caseId}`} detail={detail} />
          <CaseClosing key={`closing-${detail.caseId}`} detail={detail} />
          <h3>{t('detail.calls')}</h3>
          <ul>
            {detail.calls.map((c) => (
              <li key={c.callId}>
                {formatWib(c.startedAt, lang)} ·{' '}
                {c.callerNumber ? displayNumber(c.callerNumber) : t('intake.withheld')}
                {c.callerName ? ` · ${c.callerName}` : ''} · {c.operator} ({c.deskId})
              </li>
            ))}
          </ul>
          <h3>{t('detail.timeline')}</h3>
          <ol className="timeline">
            {detail.timeline.map((e, i) => (
              <li key={i}>
                {formatWib(e.at, lang)} · {e.actor} ·{' '}
                {t(`timeline.${e.kind}`, { defaultValue: e.kind })}
                {e.note ? ` · ${timelineNote(e.kind, e.note)}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </dialog>
  );
}
