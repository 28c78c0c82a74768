// The live screen's panels beside the attendance board: one shown at a time, each one key away.
// WAI-ARIA tabs: ←/→ move between tabs when a tab has the focus; each tab's Alt+key opens it from
// anywhere and puts the focus where the clerk will type.
import { useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useShortcut } from '../../shortcuts';

export interface LiveTab {
  id: string;
  label: string;
  /** The letter of its Alt+ shortcut. */
  key: string;
  content: ReactNode;
  /** The element to focus when opened by its shortcut (an id); the tab panel itself when absent. */
  focus?: string;
  /** More Alt+ shortcuts that open this panel at another element (e.g. Alt+V: the motion's record). */
  also?: readonly { key: string; focus: string }[];
}

interface Props {
  tabs: readonly LiveTab[];
  selected: string;
  onSelect(id: string): void;
}

const TabShortcut = ({ tab, open }: { tab: LiveTab; open(tab: LiveTab): void }) => {
  useShortcut(tab.key, useCallback(() => open(tab), [open, tab]), { alt: true });
  return null;
};

export const LiveTabs = ({ tabs, selected, onSelect }: Props) => {
  const list = useRef<HTMLDivElement>(null);
  const open = useCallback(
    (tab: LiveTab) => {
      onSelect(tab.id);
      // After React has shown the panel, focus where the clerk will type.
      requestAnimationFrame(() => (document.getElementById(tab.focus ?? `panel-${tab.id}`) as HTMLElement | null)?.focus());
    },
    [onSelect],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = tabs.findIndex((t) => t.id === selected);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    onSelect(next.id);
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  };
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];
  return (
    <div className="live-tabs">
          {tabs.flatMap((tab) => [tab, ...(tab.also ?? []).map((extra) => ({ ...tab, ...extra }))]).map((tab) => (
        <TabShortcut key={`${tab.id}-${tab.key}`} tab={tab} open={open} />
      ))}
      <div className="live-tabs__list" role="tablist" aria-label="Panels" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === current.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            aria-keyshortcuts={`Alt+${tab.key.toUpperCase()}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label} <kbd>Alt+{tab.key.toUpperCase()}</kbd>
          </button>
        ))}
      </div>
      {/* Every panel stays rendered (hidden when not shown), so what the clerk half-typed in one survives a look at another. */}
      {tabs.map((tab) => (
        <div key={tab.id} className="live-tabs__panel" role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} tabIndex={-1} hidden={tab.id !== current.id}>
          {tab.content}
        </div>
      ))}
    </div>
  );
};
