/** Pieces every printed summary shares. Letter text goes in only as React text, never as markup. */
import type { ReactNode } from 'react';
import { ANNUAL_RATING_LABELS, APA_LABELS, type Block, type GradeScale, type Rating } from '../../../src-shared/letters/letter';
import type { RecommendationGroup, SourcedItem } from '../../../src-shared/summaries/letter-parts';
import { RatingBadge } from '../components/rating-badge';

/** The top of a summary: what kind of summary, whose, and the facts that matter most. */
export function SummaryHead({ kind, title, subtitle, children }: { kind: string; title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <header className="summary-head">
      <p className="summary-kind">{kind}</p>
      <h1>{title}</h1>
      {subtitle && <p className="summary-subtitle">{subtitle}</p>}
      {children}
    </header>
  );
}

/** A short list of labelled facts: "Date", "To", "Overall rating". */
export function Facts({ facts }: { facts: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="summary-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A grade as "3 · Good" with its border and meter, or words saying there is none. */
export function Grade({ rating, none = 'Not graded' }: { rating: Rating | null | undefined; none?: string }) {
  return rating ? <RatingBadge rating={rating} /> : <span className="no-rating">{none}</span>;
}

/** The words of a scale, for a key under a table. */
export function ScaleKey({ scales }: { scales: readonly GradeScale[] }) {
  const line = (scale: GradeScale): string => {
    const labels = scale === 'apa' ? APA_LABELS : ANNUAL_RATING_LABELS;
    const name = scale === 'apa' ? 'APA grades' : 'Annual ratings';
    return `${name}: ${([4, 3, 2, 1] as const).map((g) => `${g} ${labels[g]}`).join(', ')}.`;
  };
  return (
    <p className="summary-key">
      {[...new Set(scales)].map(line).join(' ')} 4 is best.
    </p>
  );
}

/** Paragraphs and bulleted lists of a letter, as text. */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div className="summary-text">
      {blocks.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>{block.text}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

/** Areas for development as boxes to tick, each with the section it came from. */
export function Checklist({ items }: { items: readonly SourcedItem[] }) {
  return (
    <ul className="summary-checklist">
      {items.map((item, i) => (
        <li key={i}>
          <span className="summary-box" aria-hidden="true" />
          <span>
            {item.text}
            <span className="summary-source"> ({item.section})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Recommendations under their timescales; a recommendation's own bullets nest under it. */
export function Recommendations({ groups }: { groups: readonly RecommendationGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <div key={group.timescale} className="summary-block">
          <h3>{group.name}</h3>
          <ul className="summary-list">
            {group.items.map((item, i) => (
              <li key={i}>
                {item.text}
                <span className="summary-source"> ({item.section})</span>
                {item.items.length > 0 && (
                  <ul>
                    {item.items.map((sub, j) => (
                      <li key={j}>{sub}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
