import { memo } from 'react';
import type { Section } from '../../../src-shared/letters/letter';
import type { HitMatcher } from '../ui/highlight';
import { HighlightedText } from './highlighted-text';
import { RatingBadge } from './rating-badge';
import { RecommendationList } from './recommendation-list';

interface LetterSectionProps {
  section: Section;
  index: number;
  /** Finds the search's hits to mark, in a letter a search result opened. */
  matcher?: HitMatcher | null | undefined;
}

export function sectionElementId(index: number): string {
  return `letter-section-${index}`;
}

/** One section of a letter: heading and grade, body text, recommendations, areas for development. */
export const LetterSection = memo(function LetterSection({ section, index, matcher }: LetterSectionProps) {
  const headingId = `${sectionElementId(index)}-heading`;
  return (
    <section id={sectionElementId(index)} className="letter-section" aria-labelledby={headingId} data-section-index={index}>
      <div className="section-head">
        <h3 id={headingId}>
          <HighlightedText text={section.heading} matcher={matcher} />
        </h3>
        {section.page !== undefined && (
          <span className="section-page" title={`This section starts on page ${section.page} of the original PDF`}>
            page {section.page}
          </span>
        )}
        {section.grade && <RatingBadge rating={section.grade} />}
      </div>
      {section.paragraphs.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>
            <HighlightedText text={block.text} matcher={matcher} />
          </p>
        ) : (
          <ul key={i} className="body-list">
            {block.items.map((item, j) => (
              <li key={j}>
                <HighlightedText text={item} matcher={matcher} />
              </li>
            ))}
          </ul>
        ),
      )}
      {section.recommendations.length > 0 && <RecommendationList recommendations={section.recommendations} matcher={matcher} />}
      {section.areasForDevelopment.length > 0 && (
        <div className="areas">
          <h4>Areas for development</h4>
          <ul>
            {section.areasForDevelopment.map((area, i) => (
              <li key={i}>
                <HighlightedText text={area} matcher={matcher} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});
