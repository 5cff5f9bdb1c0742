interface CrossButtonProps {
  /** What the button does, for screen readers ("Dismiss notice", "Remove saved search Fostering"). */
  label: string;
  /** The tooltip; the label when not given. */
  title?: string;
  onClick: () => void;
}

/** A small button with a cross: dismissing a notice or a message, or taking an item away. */
export function CrossButton({ label, title, onClick }: CrossButtonProps) {
  return (
    <button type="button" className="icon-button" aria-label={label} title={title ?? label} onClick={onClick}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M4 4l8 8M12 4l-8 8" />
      </svg>
    </button>
  );
}
