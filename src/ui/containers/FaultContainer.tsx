import { FaultPanel } from '../components/FaultPanel';
import { useCommands, useSim } from '../hooks/useSim';

/** FaultContainer connects the fault sliders to the store's per-version behaviour. */
export function FaultContainer() {
  const faults = useSim((s) => s.faults);
  const commands = useCommands();
  return <FaultPanel faults={faults} onChange={commands.setFault} />;
}
