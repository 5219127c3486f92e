import { Component, type ErrorInfo, type ReactNode } from 'react';
import { LangContext, translator, type Lang } from '../i18n';

export interface ErrorBoundaryProps {
  /** What to render while nothing has failed. */
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/** ErrorBoundary keeps the page from going blank: it shows what failed and offers a reload. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  static override contextType = LangContext;
  declare context: Lang;
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Rollout Lab caught a rendering error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      const t = translator(this.context);
      return (
        <div role="alert" className="error-panel">
          <h2>{t('boundary.title')}</h2>
          <pre>{this.state.error.message}</pre>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {t('boundary.retry')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
