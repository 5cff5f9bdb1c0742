import { CrossButton } from './cross-button';
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
      <CrossButton label="Dismiss notice" title="Dismiss" onClick={onDismiss} />
    </div>
  );
}
