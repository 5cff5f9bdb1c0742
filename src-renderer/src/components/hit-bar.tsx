import { hitCountText } from '../ui/search-display';

interface HitBarProps {
  /** The current hit's index, or -1 before one is chosen. */
  current: number;
  count: number;
  onStep: (delta: 1 | -1) => void;
}

/** Above an opened search result: which hit is current, and buttons to the previous and next. */
export function HitBar({ current, count, onStep }: HitBarProps) {
  return (
    <div className="hit-bar" role="group" aria-label="Search hits in this letter">
      <p className="hit-count" aria-live="polite" aria-atomic="true">
        {hitCountText(current, count)}
      </p>
      <div className="hit-buttons">
        <button type="button" className="button button--small" aria-label="Previous hit" title="Previous hit (Shift+F3)" disabled={count === 0} onClick={() => onStep(-1)}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 10l4-4 4 4" />
          </svg>
          Previous
        </button>
        <button type="button" className="button button--small" aria-label="Next hit" title="Next hit (F3 or Enter in the search box)" disabled={count === 0} onClick={() => onStep(1)}>
          Next
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 6l4 4 4-4" />
          </svg>
        </button>
      </div>
    </div>
  );
}
