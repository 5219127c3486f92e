import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { selectRequestDestinations } from '../../src/store/selectorsTraffic';
import RequestFlow from '../../src/ui/traffic/RequestFlow';
import { paused, pausedAtStep, record, recordSeries, type Recorded } from './recorded';

/** Props of RequestFlow for one recorded moment. */
function argsOf(r: Recorded) {
  return {
    requests: r.requests,
    destinations: selectRequestDestinations(r.frame),
    nowMs: r.nowMs,
  };
}

const meta = {
  title: 'Sandbox/RequestFlow',
  component: RequestFlow,
} satisfies Meta<typeof RequestFlow>;
export default meta;

type Story = StoryObj<typeof meta>;

/** blue-to-yellow paused at its first step: a plain Service splits by ready pods. */
export const PodShare: Story = { args: argsOf(record('blue-to-yellow', pausedAtStep(1), 2000)) };

/** canary-nginx at its first pause: the NGINX canary Ingress splits by weight. */
export const RouterWeights: Story = {
  args: argsOf(record('canary-nginx', pausedAtStep(1), 2000)),
};

/** canary-analysis-rollback: the red canary answers 20 % of its requests with HTTP 500. */
export const FailingCanary: Story = {
  args: argsOf(record('canary-analysis-rollback', pausedAtStep(1), 6000)),
};

/** bluegreen-preview: everything goes to the active Service; the preview gets no load. */
export const BlueGreenPreview: Story = { args: argsOf(record('bluegreen-preview', paused, 2000)) };

/** canary-mirror-route: copies of 35 % of the requests go to the failing canary; users see none. */
export const MirroredCopies: Story = {
  args: argsOf(record('canary-mirror-route', pausedAtStep(2), 2000)),
};

/** The same failing canary, in Korean. */
export const Korean: Story = {
  args: { ...argsOf(record('canary-analysis-rollback', pausedAtStep(1), 6000)), lang: 'ko' },
};

const SERIES = recordSeries('canary-analysis-rollback', pausedAtStep(1), 8000);

/** Replays eight recorded seconds of the failing canary in a loop, as the sandbox feeds it. */
function Replay() {
  const first = SERIES[0];
  const span = SERIES[SERIES.length - 1].nowMs - first.nowMs;
  const [now, setNow] = useState(first.nowMs);
  useEffect(() => {
    const start = performance.now();
    const id = window.setInterval(() => {
      setNow(first.nowMs + ((performance.now() - start) % span));
    }, 100);
    return () => window.clearInterval(id);
  }, [first.nowMs, span]);
  const at = SERIES.filter((r) => r.nowMs <= now).at(-1) ?? first;
  return (
    <RequestFlow
      requests={at.requests}
      destinations={selectRequestDestinations(at.frame)}
      nowMs={now}
    />
  );
}

export const Playing: Story = {
  args: argsOf(SERIES[0]),
  render: () => <Replay />,
};
