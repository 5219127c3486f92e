import { useMemo } from 'react';
import {
  CAN_NOTHING,
  selectCanActions,
  selectStatusText,
  selectUndoTargets,
  type SimState,
} from '../../store';
import { ActionBar, type SimpleVerb } from '../components/ActionBar';
import { useCommands, useSim } from '../hooks/useSim';

const liveFrame = (s: SimState) => s.frames[s.frames.length - 1];
const EMPTY: readonly string[] = [];

/** ActionsContainer connects the toolbar to the live frame's machine answers and the commands. */
export function ActionsContainer() {
  const frame = useSim(liveFrame);
  const images = useSim((s) => s.scenario?.images ?? EMPTY);
  const suggestion = useSim((s) => s.suggestion);
  const commands = useCommands();
  const can = useMemo(() => (frame ? selectCanActions(frame) : CAN_NOTHING), [frame]);
  const current = useMemo(() => (frame ? (selectStatusText(frame)?.images[0] ?? '') : ''), [frame]);
  const undoTargets = useMemo(() => (frame ? selectUndoTargets(frame) : []), [frame]);
  const onAction = (verb: SimpleVerb | 'undo', revision?: number) => {
    if (verb === 'undo') commands.undo(revision);
    else commands[verb]();
  };
  return (
    <ActionBar
      can={can}
      images={images}
      currentImage={current}
      suggested={suggestion?.kind === 'action' ? suggestion.action : null}
      suggestedImage={suggestion?.kind === 'action' ? suggestion.image : undefined}
      onAction={onAction}
      onSetImage={commands.setImage}
      undoTargets={undoTargets}
    />
  );
}
