import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampWidth, MAX_PANE_WIDTH, MIN_PANE_WIDTH, widthAfterKey } from '../ui/pane-widths';

interface PaneSplitterProps {
  /** "Resize the councils pane". */
  label: string;
  /** Id of the pane to the splitter's left, whose width it sets. */
  controls: string;
  width: number;
  onResize: (width: number) => void;
}

/** The handle between two panes: drag it, or focus it and use the arrow keys (Shift for bigger steps). */
export function PaneSplitter({ label, controls, width, onResize }: PaneSplitterProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);

  function pointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { x: event.clientX, width };
  }
  function pointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (!drag.current) return;
    onResize(clampWidth(drag.current.width + event.clientX - drag.current.x));
  }
  function pointerUp(event: PointerEvent<HTMLDivElement>): void {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }
  function keyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const next = widthAfterKey(width, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
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
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={pointerDown}
      onPointerMove={pointerMove}
      onPointerUp={pointerUp}
      onPointerCancel={pointerUp}
      onKeyDown={keyDown}
    />
  );
}
