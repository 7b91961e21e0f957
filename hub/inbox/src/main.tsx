import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { i18next } from './i18n';
import { PanelBoundary } from './PanelBoundary';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Last line of defence: the queue has its own boundary inside. */}
    <PanelBoundary name={i18next.t('app.title')}>
      <App />
    </PanelBoundary>
  </StrictMode>,
);
