/**
 * The page shell. Until the sandbox lands it shows, honestly, what Rollout Lab can do today;
 * it never pretends a rollout is running.
 */
import { ErrorBoundary } from './components/ErrorBoundary';
import { ProjectStatus } from './components/ProjectStatus';
import { PROJECT_STATUS } from './copy/projectStatus';

export function App() {
  return (
    <ErrorBoundary>
      <ProjectStatus status={PROJECT_STATUS} />
    </ErrorBoundary>
  );
}
