/**
 * A panel that crashes shows a translated message with "Coba lagi" and a reload, and logs
 * the error. The server renderer does not run error boundaries, so the boundary's own steps
 * (error → state → what it renders) are driven one by one, as React drives them.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '../i18n';
import { PanelBoundary } from './PanelBoundary';

function Boom(): never {
  throw new Error('queue row without a case id');
}

/** What the boundary shows once `error` reached it from a child. */
function afterCrash(error: Error): string {
  const boundary = new PanelBoundary({ name: 'Antrean laporan', children: createElement(Boom) });
  boundary.state = PanelBoundary.getDerivedStateFromError();
  boundary.componentDidCatch(error, { componentStack: '\n    at Boom' });
  return renderToString(boundary.render() as never);
}

describe('PanelBoundary', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await i18next.changeLanguage('id');
  });

  it('renders its panel as long as nothing crashes', () => {
    const html = renderToString(
      createElement(PanelBoundary, {
        name: 'Antrean laporan',
        children: createElement('p', null, 'isi panel'),
      }),
    );
    expect(html).toBe('<p>isi panel</p>');
  });

  it('without the boundary, a crashing child takes the whole render down', () => {
    expect(() => renderToString(createElement(Boom))).toThrow('queue row without a case id');
  });

  it('after a crash shows an Indonesian alert with a retry and a reload, and logs it', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const html = afterCrash(new Error('queue row without a case id'));
    expect(html).toContain('role="alert"');
    expect(html).toContain(
      'Bagian &quot;Antrean laporan&quot; mengalami galat dan berhenti; bagian lain tetap berjalan.',
    );
    expect(html).toContain('>Coba lagi</button>');
    expect(html).toContain('>Muat ulang halaman</button>');
    expect(html).not.toContain('queue row without a case id');
    expect(logged).toHaveBeenCalledWith(
      'panel "Antrean laporan" crashed',
      expect.objectContaining({ message: 'queue row without a case id' }),
      expect.stringContaining('Boom'),
    );
  });

  it('speaks English when the operator chose it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await i18next.changeLanguage('en');
    const html = afterCrash(new Error('boom'));
    expect(html).toContain('>Try again</button>');
    expect(html).toContain('failed and stopped; the rest keeps working.');
  });
});
