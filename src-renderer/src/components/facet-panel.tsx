import type { Facets, FacetValue } from '../search/search-types';
import { hasFilter } from '../ui/query-edit';

const FACETS: readonly { key: keyof Facets; title: string }[] = [
  { key: 'year', title: 'Year' },
  { key: 'kind', title: 'Kind' },
  { key: 'grade', title: 'Grade' },
  { key: 'region', title: 'Region' },
];

interface FacetPanelProps {
  facets: Facets;
  query: string;
  /** A value clicked: add its filter to the query, or take it off if it is there. */
  onToggle: (value: FacetValue) => void;
}

/** How the results spread over years, kinds, grades and regions; each value narrows to itself. */
export function FacetPanel({ facets, query, onToggle }: FacetPanelProps) {
  const shown = FACETS.filter(({ key }) => facets[key].length > 0);
  if (shown.length === 0) return null;
  return (
    <section className="facets" aria-label="Narrow the results">
      {shown.map(({ key, title }) => (
        <div key={key} className="facet" role="group" aria-labelledby={`facet-${key}`}>
          <h3 id={`facet-${key}`} className="facet-title">
            {title}
          </h3>
          <ul className="facet-values">
            {facets[key].map((value) => {
              const on = hasFilter(query, value.filter);
              return (
                <li key={value.filter}>
                  <button
                    type="button"
                    className="facet-chip"
                    aria-pressed={on}
                    title={on ? `Take ${value.filter} off the query` : `Add ${value.filter} to the query`}
                    onClick={() => onToggle(value)}
                  >
                    <span className="facet-label">{value.label}</span>{' '}
                    <span className="facet-count">
                      {value.count.toLocaleString('en-GB')}
                      <span className="visually-hidden"> {value.count === 1 ? 'section' : 'sections'}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
