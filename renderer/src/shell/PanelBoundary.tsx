/**
 * Keeps a crash in one panel inside that panel: the rest of the console goes on working,
 * and the panel says in the operator's language that it failed, with a way to try again.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The panel's name as the operator sees it (already translated). */
  name: string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { crashed: boolean }> {
  override state = { crashed: false };

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The page has no log file of its own: the browser's (or Electron's) console keeps it.
    console.error(`panel "${this.props.name}" crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.crashed) return this.props.children;
    return <PanelCrashed name={this.props.name} retry={() => this.setState({ crashed: false })} />;
  }
}

function PanelCrashed({ name, retry }: { name: string; retry(): void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-label={name}>
      <p role="alert" className="error">
        {t('app.panelCrashed', { panel: name })}
      </p>
      <button type="button" onClick={retry}>
        {t('app.retry')}
      </button>{' '}
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </section>
  );
}
