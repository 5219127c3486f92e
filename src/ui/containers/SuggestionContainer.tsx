import { useMemo } from 'react';
import { selectCanActions, type SimState } from '../../store';
import { SuggestionBanner } from '../components/SuggestionBanner';
import { useCommands, useSim } from '../hooks/useSim';

const liveFrame = (s: SimState) => s.frames[s.frames.length - 1];

/** SuggestionContainer shows the script's next move and whether the machine can take it. */
export function SuggestionContainer() {
  const suggestion = useSim((s) => s.suggestion);
  const actionError = useSim((s) => s.actionError);
  const frame = useSim(liveFrame);
  const { dismissActionError } = useCommands();
  const possible = useMemo(
    () =>
      frame && suggestion?.kind === 'action' ? selectCanActions(frame)[suggestion.action] : true,
    [frame, suggestion],
  );
  return (
    <SuggestionBanner
      suggestion={suggestion}
      possible={possible}
      actionError={actionError}
      onDismiss={dismissActionError}
    />
  );
}
