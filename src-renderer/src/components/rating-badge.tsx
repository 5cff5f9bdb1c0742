import type { Rating } from '../../../src-shared/letters/letter';
import { badgeText, gradeTitle } from '../ui/grade-style';

interface RatingBadgeProps {
  rating: Rating;
  /** Shows only the number, keeping the words for screen readers and the tooltip (for tight spots like the contents bar). */
  compact?: boolean;
}

/**
 * A grade as "3 · Good": number and words always, with a colour, a border style and a
 * four-step meter per grade so that no one has to tell colours apart.
 */
export function RatingBadge({ rating, compact = false }: RatingBadgeProps) {
  return (
    <span
      className={compact ? 'rating-badge rating-badge--compact' : 'rating-badge'}
      data-grade={rating.grade}
      data-scale={rating.scale}
      title={compact ? `${gradeTitle(rating)}: ${rating.label}` : gradeTitle(rating)}
    >
      <span className="rating-meter" aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span key={step} className={step <= rating.grade ? 'rating-step rating-step--on' : 'rating-step'} />
        ))}
      </span>
      {compact ? (
        <span className="rating-text">
          {rating.grade}
          <span className="visually-hidden"> · {rating.label}</span>
        </span>
      ) : (
        <span className="rating-text">{badgeText(rating)}</span>
      )}
    </span>
  );
}

/** Stands where a badge would when a letter gives no overall rating. */
export function NoRating() {
  return <span className="no-rating">Not rated</span>;
}
