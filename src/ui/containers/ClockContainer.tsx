import { useCallback } from 'react';
import { SPEEDS } from '../../store';
import { ClockBar } from '../components/ClockBar';
import { usePresentationClock } from '../hooks/usePresentationClock';
import { useCommands, useSim } from '../hooks/useSim';

/** ClockContainer runs the presentation clock and connects the clock bar to playback and the timeline. */
export function ClockContainer() {
  const playback = useSim((s) => s.playback);
  const frames = useSim((s) => s.frames);
  const cursor = useSim((s) => s.cursor);
  const hasNext = useSim((s) => s.nextEventAt !== null);
  const commands = useCommands();
  usePresentationClock(playback.playing, commands.tick);
  const frameTime = useCallback((i: number) => frames[i]?.t ?? 0, [frames]);
  return (
    <ClockBar
      playing={playback.playing}
      speed={playback.speed}
      speeds={SPEEDS}
      t={frames[cursor]?.t ?? 0}
      hasNext={hasNext}
      frames={frames.length}
      cursor={cursor}
      frameTime={frameTime}
      autoplay={playback.autoplay}
      onPlay={commands.play}
      onStop={commands.stop}
      onSpeed={commands.setSpeed}
      onNext={commands.nextEvent}
      onScrub={commands.scrubTo}
      onAutoplay={commands.setAutoplay}
    />
  );
}
