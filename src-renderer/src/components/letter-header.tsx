import type { StoredLetter } from '../archive/types';
import { formatLetterDate, kindLabel, personLine } from '../ui/format';
import { OpenOriginal } from './open-original';
import { RatingBadge } from './rating-badge';

/** The top of a letter: what it is, when, about whom, to and from whom, and its overall rating. */
export function LetterHeader({
  letter,
  onPrintSummary,
  onRemove,
}: {
  letter: StoredLetter;
  onPrintSummary?: (() => void) | undefined;
  /** Takes the letter out of the archive (it can be undone). */
  onRemove?: (() => void) | undefined;
}) {
  const { council } = letter;
  return (
    <header className="letter-head">
      <div className="letter-head-top">
        <p className="letter-kind">
          {kindLabel(letter.kind, letter.year)}
          {letter.sample && <span className="sample-tag">Sample letter</span>}
        </p>
        <div className="letter-head-actions">
          <OpenOriginal letter={letter} />
          {onPrintSummary && (
            <button type="button" className="button print-summary-button letter-head-button" onClick={onPrintSummary} title="Print a summary of this letter">
              Print summary
            </button>
          )}
          {onRemove && (
            <button type="button" className="button letter-head-button" onClick={onRemove} title="Remove this letter from the archive (Undo puts it back)">
              Remove letter
            </button>
          )}
        </div>
      </div>
      <h2 className="letter-title">{letter.title}</h2>
      <p className="letter-meta">
        <time dateTime={letter.date}>{formatLetterDate(letter.date)}</time>
        <span aria-hidden="true"> · </span>
        <span>{council.name}</span>
        {council.region && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{council.region}</span>
          </>
        )}
      </p>
      {letter.recipient && <p className="letter-person">To {personLine(letter.recipient)}</p>}
      {letter.signatory && <p className="letter-person">Signed by {personLine(letter.signatory)}</p>}
      <div className="letter-overall">
        <span className="letter-overall-label">Overall rating</span>
        {letter.overall ? (
          <>
            <RatingBadge rating={letter.overall} />
            <span className="letter-overall-scale">
              on the {letter.overall.scale === 'apa' ? 'APA' : 'annual rating'} scale, where 4 is best
            </span>
          </>
        ) : (
          <span className="letter-overall-scale">This letter gives no overall rating that could be read.</span>
        )}
      </div>
      {letter.warnings.length > 0 && (
        <details className="letter-notes">
          <summary>Notes from reading this file</summary>
          <ul>
            {letter.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </header>
  );
}
