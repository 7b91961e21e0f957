import { useCallback, useEffect, useState } from 'react';
import type { Operator } from '../../shared/domain/case';
import { useTranslation } from 'react-i18next';
import { useAppStatus, useBackendLink, useClient } from './api/client-context';
import { setLanguage } from './i18n';
import { Clock } from './shell/Clock';
import { SignIn } from './session/SignIn';
import { FirstSupervisor } from './accounts/FirstSupervisor';
import { Overview } from './shell/Overview';
import { Workspace } from './shell/Workspace';
import { useShortcut } from './shell/shortcuts';
import { StatusBar } from './status/StatusBar';

export function App() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const status = useAppStatus();
  const link = useBackendLink();

  // undefined: still asking core; null: nobody signed in on this tab or window.
  const [operator, setOperator] = useState<Operator | null | undefined>(undefined);
  useEffect(() => {
    if (status) setLanguage(status.language);
  }, [status]);
  // Ask again whenever the link to core comes (back) up: a restarted core has no session.
  useEffect(() => {
    if (link !== 'up') return;
    void client['auth.session']({}).then((r) =>
      setOperator((current) => {
        const next = r.ok ? r.value.operator : null;
        return current && next && current.id === next.id ? current : next;
      }),
    );
  }, [client, link]);
  // A center with no account yet asks for its first supervisor instead of a sign-in.
  const [setupNeeded, setSetupNeeded] = useState(false);
  useEffect(() => {
    if (link !== 'up' || operator !== null) return;
    void client['account.setupNeeded']({}).then((r) => setSetupNeeded(r.ok && r.value.needed));
  }, [client, link, operator]);
  const signOut = useCallback(() => {
    void client['auth.signOut']({}).then(() => setOperator(null));
  }, [client]);

  const toggleLanguage = useCallback(() => {
    const next = i18n.language === 'en' ? 'id' : 'en';
    setLanguage(next);
    void client['app.setLanguage']({ language: next });
  }, [client, i18n]);
  useShortcut({ key: 'l', alt: true }, toggleLanguage);

  return (
    <div className="app">
      <header className="top-bar">
        <h1>
          {t('app.title')} <span className="muted">— {t('app.subtitle')}</span>
        </h1>
        <Clock />
        {operator ? (
          <span className="operator">
            {operator.displayName}{' '}
            <button type="button" onClick={signOut}>
              {t('signIn.signOut')}
            </button>
          </span>
        ) : null}
        <button
          type="button"
          onClick={toggleLanguage}
          aria-label={t('language.switchLabel')}
          aria-keyshortcuts="Alt+L"
        >
          {t('language.switchTo')} <kbd>Alt+L</kbd>
        </button>
      </header>
      {operator === undefined ? (
        <main className="content" />
      ) : operator === null ? (
        <div className="content signed-out">
          {setupNeeded ? (
            <FirstSupervisor onSignedIn={setOperator} />
          ) : (
            <SignIn onSignedIn={setOperator} />
          )}
          <Overview status={status} />
        </div>
      ) : (
        <Workspace key={operator.id} operator={operator} />
      )}
      <StatusBar status={status} link={link} />
    </div>
  );
}
