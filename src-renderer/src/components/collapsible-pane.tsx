import { useEffect, useRef, type ReactNode } from 'react';

interface CollapsiblePaneProps {
  /** The slot's id; the splitter beside it names it in aria-controls. */
  id: string;
  /** "councils": the buttons are "Collapse the councils pane" and "Expand the councils pane". */
  name: string;
  /** Written down the strip of the collapsed pane: "Councils". */
  stripLabel: string;
  collapsed: boolean;
  onToggle: () => void;
  children: ReactNode;
}

function Chevron({ to }: { to: 'left' | 'right' }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={to === 'left' ? 'M10 3.5L5.5 8l4.5 4.5' : 'M6 3.5L10.5 8 6 12.5'} />
    </svg>
  );
}

/**
 * A left pane that can be collapsed to a narrow strip and opened again, by its button or its
 * strip (both keyboard buttons with aria-expanded), or by Enter on its splitter. While
 * collapsed, the pane stays mounted (its filter, sort and scroll kept) but is not shown.
 */
export function CollapsiblePane({ id, name, stripLabel, collapsed, onToggle, children }: CollapsiblePaneProps) {
  const collapseRef = useRef<HTMLButtonElement>(null);
  const expandRef = useRef<HTMLButtonElement>(null);
  /** Set when this pane's own button was used, so the focus follows to the button that takes its place. */
  const toggledHere = useRef(false);

  useEffect(() => {
    if (!toggledHere.current) return;
    toggledHere.current = false;
    (collapsed ? expandRef : collapseRef).current?.focus();
  }, [collapsed]);

  function toggle(): void {
    toggledHere.current = true;
    onToggle();
  }

  return (
    <div id={id} className={collapsed ? 'pane-slot pane-slot--collapsible pane-slot--collapsed' : 'pane-slot pane-slot--collapsible'}>
      {collapsed ? (
        <button ref={expandRef} type="button" className="pane-strip" aria-expanded={false} aria-label={`Expand the ${name} pane`} title={`Expand the ${name} pane`} onClick={toggle}>
          <Chevron to="right" />
          <span className="pane-strip-label">{stripLabel}</span>
        </button>
      ) : (
        <button
          ref={collapseRef}
          type="button"
          className="icon-button pane-collapse"
          aria-expanded={true}
          aria-label={`Collapse the ${name} pane`}
          title={`Collapse the ${name} pane`}
          onClick={toggle}
        >
          <Chevron to="left" />
        </button>
      )}
      {children}
    </div>
  );
}
