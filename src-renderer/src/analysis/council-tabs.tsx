/** The third pane's tabs for the chosen council: the open letter, its grades over time, the points its letters raised. */
import { useRef, type KeyboardEvent } from 'react';

export type CouncilTab = 'letter' | 'grades' | 'points';

const TABS: readonly { tab: CouncilTab; label: string }[] = [
  { tab: 'letter', label: 'Letter' },
  { tab: 'grades', label: 'Grades over time' },
  { tab: 'points', label: 'Points raised' },
];

interface CouncilTabsProps {
  tab: CouncilTab;
  onChange: (tab: CouncilTab) => void;
  /** The id of the panel the tabs control. */
  panelId: string;
}

/** Tabs as the ARIA pattern has them: one Tab stop, arrows move between them, Home and End to the ends. */
export function CouncilTabs({ tab, onChange, panelId }: CouncilTabsProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const at = TABS.findIndex((t) => t.tab === tab);
    const next =
      event.key === 'ArrowRight' ? (at + 1) % TABS.length : event.key === 'ArrowLeft' ? (at + TABS.length - 1) % TABS.length : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    onChange(TABS[next]!.tab);
    refs.current[next]?.focus();
  }
  return (
    <div role="tablist" aria-label="The council" className="council-tabs" onKeyDown={onKeyDown}>
      {TABS.map(({ tab: t, label }, i) => (
        <button
          key={t}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`council-tab-${t}`}
          aria-selected={t === tab}
          aria-controls={panelId}
          tabIndex={t === tab ? 0 : -1}
          className="council-tab"
          onClick={() => onChange(t)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
