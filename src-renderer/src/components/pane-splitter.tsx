import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampWidth, MAX_PANE_WIDTH, MIN_PANE_WIDTH, widthAfterKey } from '../ui/pane-widths';

interface PaneSplitterProps {
  /** "Resize the councils pane". */
  label: string;
  /** Id of the pane to the splitter's left, whose width it sets. */
  controls: string;
  width: number;
  onResize: (width: number) => void;
  /** Whether the pane is collapsed to a strip. */
  collapsed?: boolean;
  /** Enter: collapse the pane, or open it again. */
  onToggle?: () => void;
  /** Double-click: the pane back to its first width. */
  onReset?: () => void;
}

/**
 * The handle between two panes: drag it, or focus it and use the arrow keys (Shift for bigger
 * steps); Enter collapses its pane or opens it again, and a double-click puts the width back.
 */
export function PaneSplitter({ label, controls, width, onResize, collapsed = false, onToggle, onReset }: PaneSplitterProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);

  function pointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0 || event.detail > 1) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    // The pane may be narrower than its chosen width (a small window) or a strip: drag from what is shown.
    const shown = document.getElementById(controls)?.getBoundingClientRect().width;
    drag.current = { x: event.clientX, width: shown ?? width };
  }
  function pointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (!drag.current) return;
    const dx = event.clientX - drag.current.x;
    if (Math.abs(dx) < 2) return;
    if (collapsed) onToggle?.();
    onResize(clampWidth(drag.current.width + dx));
  }
  function pointerUp(event: PointerEvent<HTMLDivElement>): void {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }
  function keyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Enter' && onToggle) {
      event.preventDefault();
      onToggle();
      return;
    }
    const next = widthAfterKey(width, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    if (collapsed) onToggle?.();
    onResize(next);
  }

  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={MIN_PANE_WIDTH}
      aria-valuemax={MAX_PANE_WIDTH}
      aria-valuenow={collapsed ? MIN_PANE_WIDTH : width}
      aria-valuetext={collapsed ? 'collapsed' : `${width} pixels`}
      title={onReset ? 'Drag to resize, double-click to reset' : undefined}
      tabIndex={0}
      onPointerDown={pointerDown}
      onPointerMove={pointerMove}
      onPointerUp={pointerUp}
      onPointerCancel={pointerUp}
      onDoubleClick={onReset}
      onKeyDown={keyDown}
    />
  );
}
