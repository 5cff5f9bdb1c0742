interface SampleNoticeProps {
  onRemove: () => void;
  onDismiss: () => void;
}

/** Shown after the first run loads the sample letters, with the way to take them out again. */
export function SampleNotice({ onRemove, onDismiss }: SampleNoticeProps) {
  return (
    <div className="notice" role="status">
      <p className="notice-text">The five sample letters are loaded so you can look around.</p>
      <button type="button" className="button" onClick={onRemove} title="Take the five sample letters out (Undo puts them back)">
        Remove sample letters
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss notice" title="Dismiss" onClick={onDismiss}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
