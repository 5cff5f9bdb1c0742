import { useMemo, useState } from 'react';
import { sortArchiveRows, type ArchiveSort, type ArchiveSortKey, type ArchiveSummary } from '../../../src-shared/summaries/archive-summary';
import { APA_OUTCOMES, countText } from '../../../src-shared/summaries/summary-words';
import { RatingBadge } from '../components/rating-badge';
import { Grade, ScaleKey, SummaryHead } from './summary-parts';

const TEXT_COLUMNS: ReadonlySet<ArchiveSortKey> = new Set(['council', 'region']);

function columnName(key: ArchiveSortKey): string {
  if (key === 'council') return 'council';
  if (key === 'region') return 'region';
  if (key === 'latest') return 'latest overall rating';
  return `${APA_OUTCOMES.find((o) => o.outcome === key)?.name.toLowerCase() ?? key} (APA)`;
}

/** "Sorted by region, A to Z", for the paper: the arrows on screen do not print. */
function sortedBy(sort: ArchiveSort): string {
  const text = TEXT_COLUMNS.has(sort.key);
  const order = sort.direction === 'ascending' ? (text ? 'A to Z' : 'weakest first') : text ? 'Z to A' : 'best first';
  return `Sorted by ${columnName(sort.key)}, ${order}.`;
}

interface SortHeaderProps {
  column: ArchiveSortKey;
  label: string;
  /** The full name, where the label is an abbreviation. */
  fullName?: string;
  sort: ArchiveSort;
  onSort: (column: ArchiveSortKey) => void;
  rowSpan?: number;
}

/** A column header that sorts the table by its column; clicking it again turns the order round. */
function SortHeader({ column, label, fullName, sort, onSort, rowSpan }: SortHeaderProps) {
  const active = sort.key === column;
  return (
    <th scope="col" rowSpan={rowSpan} aria-sort={active ? sort.direction : undefined}>
      <button
        type="button"
        className="summary-sort"
        onClick={() => onSort(column)}
        title={fullName}
        aria-label={fullName ? `${label}: ${fullName}` : undefined}
      >
        {label}
        <span className="summary-sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

interface ArchiveSummaryViewProps {
  summary: ArchiveSummary;
  /** What the table covers: "All councils in the archive", "Councils with letters matching …". */
  scope: string;
}

/** Every council in one table, sortable by any column before printing. */
export function ArchiveSummaryView({ summary, scope }: ArchiveSummaryViewProps) {
  const [sort, setSort] = useState<ArchiveSort>({ key: 'council', direction: 'ascending' });
  const rows = useMemo(() => sortArchiveRows(summary.rows, sort), [summary.rows, sort]);
  const withoutApa = rows.filter((r) => !r.apa).length;

  function sortBy(column: ArchiveSortKey): void {
    setSort((s) =>
      s.key === column
        ? { key: column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key: column, direction: TEXT_COLUMNS.has(column) ? 'ascending' : 'descending' },
    );
  }

  return (
    <>
      <SummaryHead kind="Archive summary" title={countText(rows.length, 'council')} subtitle={scope} />
      <section className="summary-section">
        <h2>Councils and their latest grades</h2>
        <p className="summary-note summary-lead">
          {sortedBy(sort)} The APA grades are those of each council’s latest annual performance assessment
          {withoutApa > 0 ? `; ${countText(withoutApa, 'council')} without one ${withoutApa === 1 ? 'shows' : 'show'} none` : ''}.
        </p>
        <table className="summary-table summary-table--archive">
          {/* The widths are set on columns: a fixed layout reads them from the first row, where the grades share one cell. */}
          <colgroup>
            <col className="summary-col-council" />
            <col className="summary-col-region" />
            <col className="summary-col-latest" />
            <col className="summary-col-year" />
            {APA_OUTCOMES.map(({ outcome }) => (
              <col key={outcome} className="summary-col-grade" />
            ))}
          </colgroup>
          <thead>
            <tr>
              <SortHeader column="council" label="Council" sort={sort} onSort={sortBy} rowSpan={2} />
              <SortHeader column="region" label="Region" sort={sort} onSort={sortBy} rowSpan={2} />
              <SortHeader column="latest" label="Latest overall rating" sort={sort} onSort={sortBy} rowSpan={2} />
              <th scope="colgroup" colSpan={APA_OUTCOMES.length + 1} className="summary-group-head">
                Latest APA grades
              </th>
            </tr>
            <tr>
              <th scope="col">Year</th>
              {APA_OUTCOMES.map(({ outcome, name, abbreviation }) => (
                <SortHeader key={outcome} column={outcome} label={abbreviation} fullName={name} sort={sort} onSort={sortBy} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.councilKey}>
                <th scope="row">{row.council}</th>
                <td>{row.region ?? '—'}</td>
                <td>
                  <Grade rating={row.latest.rating} none="Not rated" />
                  <span className="summary-cell-note">
                    {row.latest.letter.kind === 'apa' ? 'APA' : 'Annual rating'} {row.latest.letter.year}
                  </span>
                </td>
                <td>{row.apa ? row.apa.letter.year : '—'}</td>
                {APA_OUTCOMES.map(({ outcome }, i) => {
                  const rating = row.apa?.ratings[i];
                  return (
                    <td key={outcome} className="summary-grade-cell">
                      {rating ? <RatingBadge rating={rating} compact /> : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="summary-key">
          APA judgements: {APA_OUTCOMES.map((o) => `${o.abbreviation} ${o.name.toLowerCase()}`).join(', ')}.
        </p>
        <ScaleKey scales={['apa', 'annual-rating']} />
      </section>
    </>
  );
}
