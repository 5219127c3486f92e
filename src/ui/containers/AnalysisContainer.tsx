/** The Analysis tab (loaded lazily): the rollout's AnalysisRuns with their measurements. */
import { useMemo } from 'react';
import { selectAnalysisRuns } from '../../store';
import AnalysisPanel from '../analysis/AnalysisPanel';
import { useFrame } from '../hooks/useSim';

/** AnalysisContainer feeds AnalysisPanel from the frame on screen. */
export default function AnalysisContainer() {
  const frame = useFrame();
  const runs = useMemo(() => (frame ? selectAnalysisRuns(frame) : []), [frame]);
  return <AnalysisPanel runs={runs} />;
}
