// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';

describe('start page', () => {
  it('says honestly that no simulation runs yet', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Rollout Lab' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('does not simulate anything');
    expect(screen.getByRole('heading', { name: 'Works now' })).toBeInTheDocument();
  });
});
