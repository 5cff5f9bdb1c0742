import type { Recommendation } from '../../../src-shared/letters/letter';
import { groupRecommendations } from '../ui/recommendations';
import type { HitMatcher } from '../ui/highlight';
import { HighlightedText } from './highlighted-text';

interface RecommendationListProps {
  recommendations: readonly Recommendation[];
  matcher?: HitMatcher | null | undefined;
}

/** A section's recommendations, grouped by when they are due; a recommendation's own bullets nest under it. */
export function RecommendationList({ recommendations, matcher }: RecommendationListProps) {
  return (
    <div className="recommendations">
      <h4>Recommendations</h4>
      {groupRecommendations(recommendations).map((group) => (
        <div key={group.label} className="recommendation-group">
          <h5>{group.label}</h5>
          <ul>
            {group.items.map(({ index, recommendation }) => (
              <li key={index}>
                <HighlightedText text={recommendation.text} matcher={matcher} />
                {recommendation.items.length > 0 && (
                  <ul>
                    {recommendation.items.map((item, i) => (
                      <li key={i}>
                        <HighlightedText text={item} matcher={matcher} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
