// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  selectRequestDestinations,
  selectServedShares,
  type RequestSample,
} from '../../../src/store/selectorsTraffic';
import RequestFlow, { type FlowDestination } from '../../../src/ui/traffic/RequestFlow';
import { pausedAtStep, record } from '../../../stories/traffic/recorded';

const BLUE = 'argoproj/rollouts-demo:blue';
const YELLOW = 'argoproj/rollouts-demo:yellow';

const destinations: FlowDestination[] = [
  { hash: 'b1', label: 'rev 1 · blue', image: BLUE, role: 'stable', weight: 80 },
  { hash: 'y2', label: 'rev 2 · yellow', image: YELLOW, role: 'canary', weight: 20 },
];

/** 96 requests over the last 2 s: 80 % blue, 20 % yellow, 3 yellow 500s. */
function synthetic(nowMs: number): RequestSample[] {
  const out: RequestSample[] = [];
  for (let i = 0; i < 96; i++) {
    const yellow = i % 5 === 4;
    out.push({
      t: nowMs - 2000 + (i + 1) * (2000 / 96),
      version: yellow ? YELLOW : BLUE,
      hash: yellow ? 'y2' : 'b1',
      status: yellow && i < 15 ? 500 : 200,
      latencyMs: 40,
    });
  }
  return out;
}

beforeAll(() => {
  // jsdom has no canvas; the component draws nothing without a context.
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RequestFlow', () => {
  it('summarises the last 2 s as the accessible name of the picture', () => {
    render(<RequestFlow requests={synthetic(10_000)} destinations={destinations} nowMs={10_000} />);
    const img = screen.getByRole('img', {
      name: 'last 2 s: 96 requests, 80 % blue, 20 % yellow, 3 errors',
    });
    expect(img.querySelector('canvas')).not.toBeNull();
    expect(screen.getByRole('region', { name: 'Requests' })).toBeInTheDocument();
  });

  it('announces the summary in a polite live region', () => {
    const { container } = render(
      <RequestFlow requests={synthetic(10_000)} destinations={destinations} nowMs={10_000} />,
    );
    const live = container.querySelector('[aria-live="polite"]');
    expect(live).toHaveTextContent('last 2 s: 96 requests, 80 % blue, 20 % yellow, 3 errors');
  });

  it('lists each destination with role, weight and what it served; errors as ✕ in words', () => {
    render(<RequestFlow requests={synthetic(10_000)} destinations={destinations} nowMs={10_000} />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('rev 1 · blue (stable): 80 % of traffic · 77 served');
    expect(items[1]).toHaveTextContent('rev 2 · yellow (canary): 20 % of traffic · 19 served, 3 ✕');
    expect(screen.getByText('✕ 3 errors', { exact: false })).toBeInTheDocument();
  });

  it("says how many mirrored copies the window holds, outside the users' shares", () => {
    const copies: RequestSample[] = [0, 1, 2].map((i) => ({
      t: 9_500 + i,
      version: YELLOW,
      hash: 'y2',
      status: 500,
      latencyMs: 40,
      mirror: true,
    }));
    render(
      <RequestFlow
        requests={[...synthetic(10_000), ...copies]}
        destinations={destinations}
        nowMs={10_000}
      />,
    );
    expect(
      screen.getByText('◯ 3 mirrored copies (their answers reach no user)'),
    ).toBeInTheDocument();
    // The users' view is unchanged: the copies' 500s are no user's errors.
    screen.getByRole('img', { name: 'last 2 s: 96 requests, 80 % blue, 20 % yellow, 3 errors' });
  });

  it('draws the share bar with a hatched error segment', () => {
    const { container } = render(
      <RequestFlow requests={synthetic(10_000)} destinations={destinations} nowMs={10_000} />,
    );
    const segs = [...container.querySelectorAll('.request-flow-bar rect[data-version]')];
    expect(
      segs.map((s) => `${s.getAttribute('data-version')}:${s.getAttribute('data-kind')}`),
    ).toEqual(['blue:ok', 'yellow:ok', 'yellow:errors']);
    expect(segs[2].getAttribute('fill')).toMatch(/^url\(#/);
  });

  it('gives requests to an unknown hash a lane of their own', () => {
    const requests = [
      ...synthetic(10_000),
      { t: 9_990, version: 'example/app:v3', hash: 'zz', status: 200, latencyMs: 5 },
    ];
    render(<RequestFlow requests={requests} destinations={destinations} nowMs={10_000} />);
    expect(screen.getByText(/v3 \(old\): —/)).toBeInTheDocument();
  });

  it('shows a static summary instead of motion with prefers-reduced-motion', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('reduce'),
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const { container } = render(
      <RequestFlow requests={synthetic(10_000)} destinations={destinations} nowMs={10_000} />,
    );
    expect(container.querySelector('canvas')).toBeNull();
    const img = screen.getByRole('img');
    expect(img).toHaveTextContent('last 2 s: 96 requests, 80 % blue, 20 % yellow, 3 errors');
    expect(screen.getByText(/Motion is reduced/)).toBeInTheDocument();
  });

  it('speaks Korean with lang="ko"', () => {
    render(
      <RequestFlow
        requests={synthetic(10_000)}
        destinations={destinations}
        nowMs={10_000}
        lang="ko"
      />,
    );
    expect(
      screen.getByRole('img', { name: '최근 2초: 요청 96개, blue 80%, yellow 20%, 오류 3개' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '요청 흐름' })).toBeInTheDocument();
  });

  it('shows recorded engine traffic: the red canary of canary-analysis-rollback fails', () => {
    const rec = record('canary-analysis-rollback', pausedAtStep(1), 2000);
    const shares = selectServedShares(rec.requests, 2000, rec.nowMs);
    expect(shares.errors).toBeGreaterThan(0);
    render(
      <RequestFlow
        requests={rec.requests}
        destinations={selectRequestDestinations(rec.frame)}
        nowMs={rec.nowMs}
      />,
    );
    const name = screen.getByRole('img').getAttribute('aria-label')!;
    expect(name).toMatch(
      new RegExp(
        `^last 2 s: ${shares.total} requests, \\d+ % blue, \\d+ % red, ${shares.errors} errors?$`,
      ),
    );
    expect(screen.getByText(/rev 2 · red \(canary\)/)).toBeInTheDocument();
  });

  it('follows new props as time moves', () => {
    const { rerender } = render(
      <RequestFlow requests={synthetic(10_000)} destinations={destinations} nowMs={10_000} />,
    );
    act(() => {
      rerender(<RequestFlow requests={[]} destinations={destinations} nowMs={20_000} />);
    });
    expect(screen.getByRole('img', { name: 'last 2 s: no requests' })).toBeInTheDocument();
  });
});
