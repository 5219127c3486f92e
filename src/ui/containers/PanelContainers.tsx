/**
 * The dashboard panels' containers: each selects from the frame on screen (useMemo per frame) and
 * hands plain data to its presentational component.
 */
import { useMemo, type ReactNode } from 'react';
import {
  selectEventLog,
  selectGetTree,
  selectPodsByRevision,
  selectStatusText,
  selectSteps,
  selectTrafficShare,
  selectWaitingFor,
} from '../../store';
import { LoadErrorPanel } from '../components/LoadErrorPanel';
import { PodsPanel } from '../components/PodsPanel';
import { StatusPanel } from '../components/StatusPanel';
import { StepsPanel } from '../components/StepsPanel';
import { TrafficPanel } from '../components/TrafficPanel';
import { WhyLog } from '../components/WhyLog';
import { useFrame, useSim } from '../hooks/useSim';
import { useT } from '../i18n';
import { GetRolloutTree } from '../objects/GetRolloutTree';

/** StatusContainer feeds the Rollout status region. */
export function StatusContainer() {
  const frame = useFrame();
  const status = useMemo(() => (frame ? selectStatusText(frame) : undefined), [frame]);
  const waiting = useMemo(
    () => (frame ? selectWaitingFor(frame) : { key: 'app.noScenario' }),
    [frame],
  );
  return <StatusPanel status={status} waiting={waiting} />;
}

/** PodsContainer feeds the pods panel. */
export function PodsContainer() {
  const frame = useFrame();
  const groups = useMemo(() => (frame ? selectPodsByRevision(frame) : []), [frame]);
  return <PodsPanel groups={groups} />;
}

/** TrafficContainer feeds the traffic bar; children (the request animation) go inside the panel. */
export function TrafficContainer({ children }: { children?: ReactNode }) {
  const frame = useFrame();
  const traffic = useMemo(
    () =>
      frame
        ? selectTrafficShare(frame)
        : { mode: 'none' as const, slices: [], setWeight: null, actualWeight: null, preview: null },
    [frame],
  );
  return <TrafficPanel traffic={traffic}>{children}</TrafficPanel>;
}

/** StepsContainer feeds the steps list. */
export function StepsContainer() {
  const frame = useFrame();
  const steps = useMemo(
    () => (frame ? selectSteps(frame) : { strategy: '', steps: [], current: null }),
    [frame],
  );
  return <StepsPanel steps={steps} />;
}

/** WhyContainer feeds the narrated log. */
export function WhyContainer() {
  const frame = useFrame();
  const entries = useMemo(() => (frame ? selectEventLog(frame) : []), [frame]);
  return <WhyLog entries={entries} />;
}

/** TreeContainer shows the `kubectl argo rollouts get rollout` text of the frame on screen. */
export function TreeContainer() {
  const t = useT();
  const frame = useFrame();
  const text = useMemo(() => (frame ? selectGetTree(frame) : ''), [frame]);
  return (
    <section className="panel tree-panel" aria-labelledby="tree-title">
      <h2 id="tree-title">
        <code>{t('tree.title')}</code>
      </h2>
      {text && <GetRolloutTree text={text} />}
    </section>
  );
}

/** LoadErrorContainer shows why the scenario did not load, when it did not. */
export function LoadErrorContainer() {
  const error = useSim((s) => s.error);
  return error ? <LoadErrorPanel error={error} /> : null;
}
