/**
 * Tabs: a WAI-ARIA tab list (arrow keys, Home and End move between tabs; one Tab stop). The page
 * renders the panel itself with `tabPanelProps(id)` (tabIds.ts), so a hidden panel costs nothing.
 */
import { useRef, type KeyboardEvent } from 'react';
import { panelId, tabId } from './tabIds';

/** TabItem is one tab. */
export interface TabItem {
  readonly id: string;
  readonly label: string;
}

export interface TabsProps {
  /** Accessible name of the tab list. */
  readonly label: string;
  readonly tabs: readonly TabItem[];
  /** The selected tab's id. */
  readonly selected: string;
  readonly onSelect: (id: string) => void;
}

/** Tabs renders the tab list. */
export function Tabs({ label, tabs, selected, onSelect }: TabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to].id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list}>
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-controls={panelId(tab.id)}
          aria-selected={tab.id === selected}
          tabIndex={tab.id === selected ? 0 : -1}
          className={`tab${tab.id === selected ? ' is-selected' : ''}`}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
