/**
 * A crash in the inbox's queue shows a translated message with "Coba lagi" and a reload,
 * and logs the error. The server renderer does not run error boundaries, so the boundary's
 * own steps (error → state → what it renders) are driven one by one, as React drives them;
 * the texts are the inbox's own, in a fresh i18next instance (the page's one needs a DOM).
 */
import i18next from 'i18next';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, expect, it, vi } from 'vitest';
import { en } from './i18n/en';
import { id } from './i18n/id';
import { PanelBoundary } from './PanelBoundary';

function Boom(): never {
  throw new Error('dispatch without a case');
}

async function inLanguage(lng: 'id' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng,
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return (node: ReactNode) => renderToString(createElement(I18nextProvider, { i18n }, node));
}

function crashed(name: string) {
  const boundary = new PanelBoundary({ name, children: createElement(Boom) });
  boundary.state = PanelBoundary.getDerivedStateFromError();
  boundary.componentDidCatch(new Error('dispatch without a case'), {
    componentStack: '\n at Boom',
  });
  return boundary.render();
}

afterEach(() => vi.restoreAllMocks());

it('shows the queue as long as nothing crashes', async () => {
  const render = await inLanguage('id');
  const html = render(
    createElement(PanelBoundary, {
      name: 'Antrean terbuka',
      children: createElement('p', null, 'antrean'),
    }),
  );
  expect(html).toBe('<p>antrean</p>');
});

it('after a crash says so in Indonesian with a retry and a reload, and logs it', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const render = await inLanguage('id');
  const html = render(crashed('Antrean terbuka'));
  expect(html).toContain('role="alert"');
  expect(html).toContain(
    'Bagian &quot;Antrean terbuka&quot; mengalami galat dan berhenti; bagian lain tetap berjalan.',
  );
  expect(html).toContain('>Coba lagi</button>');
  expect(html).toContain('>Muat ulang halaman</button>');
  expect(html).not.toContain('dispatch without a case');
  expect(logged).toHaveBeenCalledWith(
    'panel "Antrean terbuka" crashed',
    expect.objectContaining({ message: 'dispatch without a case' }),
    expect.stringContaining('Boom'),
  );
});

it('speaks English when the clerk chose it', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const render = await inLanguage('en');
  const html = render(crashed('Open queue'));
  expect(html).toContain('The &quot;Open queue&quot; part failed and stopped');
  expect(html).toContain('>Try again</button>');
});
