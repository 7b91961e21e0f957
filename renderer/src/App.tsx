import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStatus, useBackendLink, useClient } from './api/client-context';
import { setLanguage } from './i18n';
import { Clock } from './shell/Clock';
import { Overview } from './shell/Overview';
import { useShortcut } from './shell/shortcuts';
import { StatusBar } from './status/StatusBar';

export function App() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const status = useAppStatus();
  const link = useBackendLink();

  useEffect(() => {
    if (status) setLanguage(status.language);
  }, [status]);

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
        <button
          type="button"
          onClick={toggleLanguage}
          aria-label={t('language.switchLabel')}
          aria-keyshortcuts="Alt+L"
        >
          {t('language.switchTo')} <kbd>Alt+L</kbd>
        </button>
      </header>
      <main className="content">
        <Overview status={status} />
      </main>
      <StatusBar status={status} link={link} />
    </div>
  );
}
