import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ConsoleClient } from '../../shared/api/client';
import type { DesktopExtras } from '../../shared/api/desktop-extras';
import { createBrowserClient } from './api/browser-client';
import { ClientProvider } from './api/client-context';
import { takeSessionKey } from './api/session-key';
import { App } from './App';
import { i18next } from './i18n';
import { PanelBoundary } from './shell/PanelBoundary';
import './styles.css';

declare global {
  interface Window {
    /** Set by the desktop preload; absent in the browser host. */
    sigap?: ConsoleClient;
    /** Set by the desktop preload: the system print dialog. */
    sigapDesktop?: DesktopExtras;
  }
}

function MissingSession() {
  return (
    <main className="content">
      <section className="panel" role="alert">
        <h1>{i18next.t('session.missingTitle')}</h1>
        <p>{i18next.t('session.missingBody')}</p>
      </section>
    </main>
  );
}

const root = createRoot(document.getElementById('root')!);
const key = window.sigap ? null : takeSessionKey();
const client = window.sigap ?? (key ? createBrowserClient(key) : null);

root.render(
  <StrictMode>
    {client ? (
      <ClientProvider client={client}>
        {/* Last line of defence: each panel has its own boundary inside. */}
        <PanelBoundary name={i18next.t('app.title')}>
          <App />
        </PanelBoundary>
      </ClientProvider>
    ) : (
      <MissingSession />
    )}
  </StrictMode>,
);
