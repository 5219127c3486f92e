/**
 * The page shell. The sandbox (and with it the simulation engine, the bulk of the JavaScript)
 * loads as a separate chunk, so the first paint is the shell with a loading note, never blank.
 */
import { lazy, Suspense, useState } from 'react';
import type { SimStore } from '../store';
import { readLang } from '../store/lang';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LangContext, useT } from './i18n';
import { browserStorage } from './storage';

const Sandbox = lazy(() => import('./Sandbox'));

export interface AppProps {
  /** The store to show (tests inject one); default: a new store on blue-to-yellow. */
  readonly store?: SimStore;
}

function Loading() {
  const t = useT();
  return (
    <div className="app">
      <header className="scenario-bar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </header>
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    </div>
  );
}

/** App is the page: the sandbox, loaded lazily behind an error boundary. */
export function App({ store }: AppProps) {
  // Until the store exists, the shell speaks the remembered language.
  const [lang] = useState(() => store?.getState().lang ?? readLang(browserStorage()));
  return (
    <LangContext.Provider value={lang}>
      <ErrorBoundary>
        <Suspense fallback={<Loading />}>
          <Sandbox store={store} />
        </Suspense>
      </ErrorBoundary>
    </LangContext.Provider>
  );
}
