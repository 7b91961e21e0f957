/** The bottom bar: hub link, console link, version and mode, always visible. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackendLink } from '../../../shared/api/client';
import type { AppStatus } from '../../../shared/api/contract';
import { formatWibTime } from '../../../shared/time';
import { CallAlarmStatus } from '../alarms/CallAlarmStatus';

export function StatusBar({ status, link }: { status: AppStatus | undefined; link: BackendLink }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const hub = status?.hub;
  return (
    <footer className="status-bar" aria-label={t('status.bar')}>
      <span
        role="status"
        aria-label={t('status.hub')}
        className={`status-item hub-${hub?.state ?? 'connecting'}`}
        title={hub?.detail}
      >
        <span className="dot" aria-hidden="true" />
        {t(`status.hubState.${hub?.state ?? 'connecting'}`)}
        {hub?.node ? (
          <span className="muted"> · {t('status.hubNode', { node: hub.node })}</span>
        ) : null}
        {hub && hub.state !== 'online' && hub.state !== 'connecting' ? (
          <span className="muted">
            {' '}
            · {t('status.since', { time: formatWibTime(hub.since, lang) })}
          </span>
        ) : null}
      </span>
      <span role="status" aria-label={t('status.outbox')} className="status-item outbox-waiting">
        {status ? outboxText(status.outbox, t) : null}
      </span>
      <CallAlarmStatus status={status} />
      <span
        role="status"
        aria-label={t('status.backend')}
        className={`status-item backend-${link}`}
      >
        {t(`status.backendState.${link}`)}
      </span>
      <span className="status-item spacer" />
      {status ? (
        <span className="status-item muted">
          {t('status.version', { version: status.version })} · {t(`mode.${status.mode}`)}
        </span>
      ) : null}
    </footer>
  );
}

/**
 * What waits for the hub, in the operator's terms ("2 laporan, 3 disposisi menunggu
 * dikirim"), not the outbox's message count; empty when nothing waits.
 */
function outboxText(outbox: AppStatus['outbox'], t: TFunction): string | null {
  const parts = [
    outbox.cases > 0 ? t('status.outboxCases', { count: outbox.cases }) : '',
    outbox.calls > 0 ? t('status.outboxCalls', { count: outbox.calls }) : '',
    outbox.dispatches > 0 ? t('status.outboxDispatches', { count: outbox.dispatches }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? t('status.outboxWaiting', { what: parts.join(', ') }) : null;
}
