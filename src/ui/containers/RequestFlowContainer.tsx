/**
 * The request animation under the traffic bar (loaded lazily): the frame's sampled requests
 * (`world.recentRequests(2000)`, recorded into every frame) and where they can go.
 */
import { useMemo } from 'react';
import { selectRequestDestinations, selectRequests } from '../../store';
import { useFrame } from '../hooks/useSim';
import RequestFlow from '../traffic/RequestFlow';

const NONE: readonly never[] = [];

/** RequestFlowContainer feeds RequestFlow from the frame on screen. */
export default function RequestFlowContainer() {
  const frame = useFrame();
  const requests = useMemo(() => (frame ? selectRequests(frame) : NONE), [frame]);
  const destinations = useMemo(() => (frame ? selectRequestDestinations(frame) : NONE), [frame]);
  return <RequestFlow requests={requests} destinations={destinations} nowMs={frame?.t ?? 0} />;
}
