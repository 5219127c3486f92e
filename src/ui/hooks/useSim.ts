/**
 * The only binding of the zustand store to React (architecture.md section 11): a context that
 * carries the store, and `useSim(selector)` for narrow, reference-stable selections.
 * Derived data (selectors of a frame) is computed by containers with useMemo on the frame.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { currentFrame, type Frame, type SimState, type SimStore } from '../../store';

const SimContext = createContext<SimStore | null>(null);

/** SimProvider makes `store` available to the containers below it. */
export function SimProvider({ store, children }: { store: SimStore; children: ReactNode }) {
  return createElement(SimContext.Provider, { value: store }, children);
}

/** useSimStore returns the store of the nearest SimProvider. */
export function useSimStore(): SimStore {
  const store = useContext(SimContext);
  if (!store) throw new Error('useSim needs a <SimProvider store={…}> above it');
  return store;
}

/** useSim selects a slice of the store state; the selection must be reference-stable. */
export function useSim<T>(selector: (state: SimState) => T): T {
  return useStore(useSimStore(), selector);
}

/** useFrame returns the frame on screen (undefined before a scenario loads). */
export function useFrame(): Frame | undefined {
  return useSim(currentFrame);
}

/** useCommands returns the store's commands (a stable object). */
export function useCommands(): SimState['commands'] {
  return useSim((s) => s.commands);
}
