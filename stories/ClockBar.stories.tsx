import type { Meta, StoryObj } from '@storybook/react-vite';
import { SPEEDS } from '../src/store';
import { ClockBar } from '../src/ui/components/ClockBar';
import { FRAMES } from './frames';

const noop = () => {};
const base = {
  playing: false,
  speed: 1 as const,
  speeds: SPEEDS,
  t: FRAMES.pausedAt20.t,
  hasNext: true,
  frames: 12,
  cursor: 11,
  frameTime: (i: number) => i * 1000,
  autoplay: false,
  onPlay: noop,
  onStop: noop,
  onSpeed: noop,
  onNext: noop,
  onScrub: noop,
  onAutoplay: noop,
};

const meta = {
  title: 'Sandbox/ClockBar',
  component: ClockBar,
} satisfies Meta<typeof ClockBar>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Stopped: Story = { args: base };

export const Playing: Story = { args: { ...base, playing: true, speed: 10 as const } };

export const Replaying: Story = { args: { ...base, cursor: 3 } };

export const Idle: Story = { args: { ...base, hasNext: false, autoplay: true } };
