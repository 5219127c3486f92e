/**
 * The sandbox itself: one simulated world (the store), the Argo dashboard's panels around it, and
 * the clock. Views sit in tabs (Dashboard, Editor, Objects, Statechart, Analysis) so the page stays
 * readable at 1280×800; a lesson opens beside them and highlights the region its step points at.
 * Each panel sits in its own error boundary, so one failing view never blanks the page.
 */
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  createSimStore,
  currentFrame,
  DEFAULT_SCENARIO,
  selectHasAnalysis,
  type SimState,
  type SimStore,
} from '../store';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LessonTarget } from './components/LessonTarget';
import { LessonTargetContext } from './components/lessonTargetContext';
import { tabPanelProps } from './components/tabIds';
import { Tabs, type TabItem } from './components/Tabs';
import { ActionsContainer } from './containers/ActionsContainer';
import { ClockContainer } from './containers/ClockContainer';
import { FaultContainer } from './containers/FaultContainer';
import { HeaderContainer } from './containers/HeaderContainer';
import { LessonContainer } from './containers/LessonContainer';
import { ObjectsContainer } from './containers/ObjectsContainer';
import {
  LoadErrorContainer,
  PodsContainer,
  StatusContainer,
  StepsContainer,
  TrafficContainer,
  TreeContainer,
  WhyContainer,
} from './containers/PanelContainers';
import { SuggestionContainer } from './containers/SuggestionContainer';
import { SimProvider, useSim } from './hooks/useSim';
import { LangContext, useT } from './i18n';
import { findLesson } from './lessons';
import { browserStorage } from './storage';

// Heavy views load on first use: CodeMirror, the statechart, the request animation, analysis charts.
const EditorContainer = lazy(() => import('./containers/EditorContainer'));
const StatechartContainer = lazy(() => import('./containers/StatechartContainer'));
const RequestFlowContainer = lazy(() => import('./containers/RequestFlowContainer'));
const AnalysisContainer = lazy(() => import('./containers/AnalysisContainer'));

export interface SandboxProps {
  /** The store to show (tests and stories inject one); default: a new store on blue-to-yellow. */
  readonly store?: SimStore;
}

type TabId = 'dashboard' | 'editor' | 'objects' | 'statechart' | 'analysis';

/** The tab a lesson target lives on. */
const TAB_OF_TARGET: Readonly<Record<string, TabId>> = {
  editor: 'editor',
  objects: 'objects',
  statechart: 'statechart',
};

const hasAnalysisOf = (s: SimState) => {
  const frame = currentFrame(s);
  return frame ? selectHasAnalysis(frame) : false;
};

function Loading() {
  const t = useT();
  return (
    <p className="panel panel-loading" role="status">
      {t('panel.loading')}
    </p>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function Dashboard() {
  return (
    <>
      <main className="dashboard">
        <div className="col col-status">
          <LessonTarget name="status">
            <ErrorBoundary>
              <StatusContainer />
            </ErrorBoundary>
          </LessonTarget>
          <LessonTarget name="steps">
            <ErrorBoundary>
              <StepsContainer />
            </ErrorBoundary>
          </LessonTarget>
        </div>
        <div className="col col-world">
          <LessonTarget name="traffic">
            <ErrorBoundary>
              <TrafficContainer>
                <Lazy>
                  <RequestFlowContainer />
                </Lazy>
              </TrafficContainer>
            </ErrorBoundary>
          </LessonTarget>
          <LessonTarget name="pods">
            <ErrorBoundary>
              <PodsContainer />
            </ErrorBoundary>
          </LessonTarget>
          <ErrorBoundary>
            <FaultContainer />
          </ErrorBoundary>
        </div>
        <div className="col col-why">
          <LessonTarget name="why">
            <ErrorBoundary>
              <WhyContainer />
            </ErrorBoundary>
          </LessonTarget>
        </div>
      </main>
      <LessonTarget name="tree" className="tree-target">
        <ErrorBoundary>
          <TreeContainer />
        </ErrorBoundary>
      </LessonTarget>
    </>
  );
}

/** Page is everything inside the store's provider. */
function Page() {
  const t = useT();
  const lesson = useSim((s) => s.lesson);
  const hasAnalysis = useSim(hasAnalysisOf);
  const [tab, setTab] = useState<TabId>('dashboard');
  const [menuOpen, setMenuOpen] = useState(false);

  const target = lesson ? (findLesson(lesson.lessonId)?.steps[lesson.stepIndex]?.target ?? '') : '';
  // When the lesson moves to a step that points into another tab, show that tab (once per step).
  const stepKey = lesson ? `${lesson.lessonId}#${lesson.stepIndex}` : '';
  const [shownStep, setShownStep] = useState(stepKey);
  if (shownStep !== stepKey) {
    setShownStep(stepKey);
    if (target) setTab(TAB_OF_TARGET[target] ?? 'dashboard');
  }

  const tabs = useMemo<TabItem[]>(
    () => [
      { id: 'dashboard', label: t('tab.dashboard') },
      { id: 'editor', label: t('tab.editor') },
      { id: 'objects', label: t('tab.objects') },
      { id: 'statechart', label: t('tab.statechart') },
      ...(hasAnalysis ? [{ id: 'analysis', label: t('tab.analysis') }] : []),
    ],
    [t, hasAnalysis],
  );
  const shown: TabId = tab === 'analysis' && !hasAnalysis ? 'dashboard' : tab;
  const aside = lesson !== null || menuOpen;

  return (
    <LessonTargetContext.Provider value={target}>
      <div className="app">
        <ErrorBoundary>
          <HeaderContainer
            lessonsOpen={menuOpen}
            onToggleLessons={() => setMenuOpen((open) => !open)}
          />
        </ErrorBoundary>
        <LessonTarget name="actions" className="toolbar">
          <ErrorBoundary>
            <ActionsContainer />
          </ErrorBoundary>
          <ErrorBoundary>
            <ClockContainer />
          </ErrorBoundary>
        </LessonTarget>
        <ErrorBoundary>
          <SuggestionContainer />
        </ErrorBoundary>
        <ErrorBoundary>
          <LoadErrorContainer />
        </ErrorBoundary>
        <div className={`workspace${aside ? ' with-aside' : ''}`}>
          <div className="views">
            <Tabs
              label={t('tab.list')}
              tabs={tabs}
              selected={shown}
              onSelect={(id) => setTab(id as TabId)}
            />
            <div {...tabPanelProps(shown)} className="tab-panel">
              {shown === 'dashboard' && <Dashboard />}
              {shown === 'editor' && (
                <LessonTarget name="editor" className="view-target">
                  <Lazy>
                    <EditorContainer />
                  </Lazy>
                </LessonTarget>
              )}
              {shown === 'objects' && (
                <LessonTarget name="objects" className="view-target">
                  <ErrorBoundary>
                    <ObjectsContainer />
                  </ErrorBoundary>
                </LessonTarget>
              )}
              {shown === 'statechart' && (
                <LessonTarget name="statechart" className="view-target">
                  <Lazy>
                    <StatechartContainer />
                  </Lazy>
                </LessonTarget>
              )}
              {shown === 'analysis' && (
                <div className="view-target">
                  <Lazy>
                    <AnalysisContainer />
                  </Lazy>
                </div>
              )}
            </div>
          </div>
          {aside && (
            <ErrorBoundary>
              <LessonContainer menuOpen={menuOpen} onCloseMenu={() => setMenuOpen(false)} />
            </ErrorBoundary>
          )}
        </div>
      </div>
    </LessonTargetContext.Provider>
  );
}

/** LanguageRoot provides the store's language to everything below and to `<html lang>`. */
function LanguageRoot({ children }: { children: ReactNode }) {
  const lang = useSim((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

/** Sandbox is the sandbox page (loaded as its own chunk: it carries the engine). */
export default function Sandbox({ store }: SandboxProps) {
  const [sim] = useState(
    () => store ?? createSimStore({ scenario: DEFAULT_SCENARIO, storage: browserStorage() }),
  );
  return (
    <SimProvider store={sim}>
      <LanguageRoot>
        <Page />
      </LanguageRoot>
    </SimProvider>
  );
}
