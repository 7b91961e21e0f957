/** What this desk is and where it keeps its data: the first thing IT staff ask. */
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { formatWib } from '../../../shared/time';

export function Overview({ status }: { status: AppStatus | undefined }) {
  const { t, i18n } = useTranslation();
  if (!status) return null;
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title">{t('overview.title')}</h2>
      <dl className="facts">
        <dt>{t('overview.version')}</dt>
        <dd>{status.version}</dd>
        <dt>{t('overview.mode')}</dt>
        <dd>{t(`mode.${status.mode}`)}</dd>
        <dt>{t('overview.store')}</dt>
        <dd className="mono">{status.storePath}</dd>
        <dt>{t('overview.hubUrl')}</dt>
        <dd className="mono">{status.hub.url ?? t('overview.none')}</dd>
        <dt>{t('overview.hubState')}</dt>
        <dd>
          {t(`status.hubState.${status.hub.state}`)}
          {status.hub.detail ? <span className="muted"> ({status.hub.detail})</span> : null}
        </dd>
        <dt>{t('overview.hubSince')}</dt>
        <dd>{formatWib(status.hub.since, lang)}</dd>
      </dl>
    </section>
  );
}
