/** The signed-in inbox: who and where, the link to the hub, the live queue. */
import { useTranslation } from 'react-i18next';
import { formatWib } from '../../../shared/time';
import { langOf } from './format';
import { LanguageButton } from './LanguageButton';
import { PanelBoundary } from './PanelBoundary';
import { Queue } from './Queue';
import { categoryName, opdOf } from './reference';
import type { Session } from './session';
import { useInbox } from './use-inbox';
import { useNow } from './use-now';

export function InboxScreen({
  session,
  onSignOut,
  onRefused,
}: {
  session: Session;
  onSignOut: () => void;
  onRefused: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const now = useNow();
  const { state, link, identity, person, act, arrival } = useInbox(session, onRefused);
  const opd = identity ? opdOf(identity.id) : undefined;

  return (
    <div className="app">
      <header className="top-bar">
        <div className="who">
          <h1>
            {t('app.title')} {opd?.short ?? identity?.id ?? ''}
          </h1>
          {opd ? <p className="muted">{opd.name}</p> : null}
        </div>
        <span role="status" aria-label={t('link.label')} className={`link link-${link}`}>
          <span className="dot" aria-hidden="true" />
          {t(`link.${link}`)}
        </span>
        <time className="clock" aria-label={t('app.clock')} dateTime={new Date(now).toISOString()}>
          {formatWib(now, lang)}
        </time>
        <span className="clerk">
          {t('app.signedInAs')}: <strong>{person}</strong>
        </span>
        <LanguageButton />
        <button type="button" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </header>
      <main className="content">
        <p className="visually-hidden" aria-live="polite">
          {arrival.n > 0
            ? t('queue.newArrived', { category: categoryName(arrival.categoryId, lang) })
            : ''}
        </p>
        <PanelBoundary name={t('queue.title')}>
          <Queue state={state} now={now} online={link === 'online'} act={act} />
        </PanelBoundary>
      </main>
    </div>
  );
}
