// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FaultPanel } from '../../src/ui/components/FaultPanel';

afterEach(cleanup);

describe('FaultPanel', () => {
  const faults = {
    'argoproj/rollouts-demo:blue': { errorRate: 0, latencyMs: 50 },
    'argoproj/rollouts-demo:yellow': { errorRate: 0.25, latencyMs: 120 },
  };

  it('has an error-rate and a latency slider per version, with their values as text', () => {
    render(<FaultPanel faults={faults} onChange={() => {}} />);
    expect(screen.getByRole('slider', { name: 'Error rate of yellow' })).toHaveValue('25');
    expect(screen.getByRole('slider', { name: 'Latency of yellow' })).toHaveValue('120');
    expect(screen.getByText('25 % errors')).toBeInTheDocument();
  });

  it('reports a change for the image it belongs to', () => {
    const onChange = vi.fn();
    render(<FaultPanel faults={faults} onChange={onChange} />);
    fireEvent.change(screen.getByRole('slider', { name: 'Error rate of blue' }), {
      target: { value: '40' },
    });
    expect(onChange).toHaveBeenCalledWith('argoproj/rollouts-demo:blue', { errorRate: 0.4 });
    fireEvent.change(screen.getByRole('slider', { name: 'Latency of blue' }), {
      target: { value: '300' },
    });
    expect(onChange).toHaveBeenCalledWith('argoproj/rollouts-demo:blue', { latencyMs: 300 });
  });

  it('renders nothing without versions', () => {
    const { container } = render(<FaultPanel faults={{}} onChange={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});
