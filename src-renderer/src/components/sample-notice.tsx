import { CrossButton } from './cross-button';
interface SampleNoticeProps {
  /** How many sample letters the archive still holds. */
  count: number;
  onRemove: () => void;
  onDismiss: () => void;
}

/** Shown after the first run loads the sample letters, with the way to take them out again. */
export function SampleNotice({ count, onRemove, onDismiss }: SampleNoticeProps) {
  return (
    <div className="notice" role="status">
      <p className="notice-text">{count === 1 ? 'One sample letter is' : `${count} sample letters are`} in the archive, to look around with; take them out once your own are in.</p>
      <button type="button" className="button" onClick={onRemove} title="Take the sample letters out (Undo puts them back)">
        Remove sample letters
      </button>
      <CrossButton label="Dismiss notice" title="Dismiss" onClick={onDismiss} />
    </div>
  );
}
