/** The compare grid on paper: the same table as on screen, still, with what it covers and how it is sorted. */
import type { GridSort } from '../../../src-shared/analysis/compare-grid';
import { countText } from '../../../src-shared/summaries/summary-words';
import { CompareTable } from '../analysis/compare-table';
import type { ComparePrint } from './print-types';
import { ScaleKey, SummaryHead } from './summary-parts';

function sortedBy(print: ComparePrint): string {
  const sort: GridSort = print.sort;
  if (sort.by === 'order') return print.highlightKey && print.rows[0]?.council.key === print.highlightKey ? 'The council first, then its neighbours.' : 'In name order.';
  const column = sort.by === 'column' ? print.grid.columns[sort.index]?.label : sort.by === 'change' && print.grid.change ? `change from ${print.grid.change.from} to ${print.grid.change.to}` : sort.by;
  const text = sort.by === 'council' || sort.by === 'region';
  const order = text ? (sort.descending ? 'Z to A' : 'A to Z') : sort.descending ? 'highest first' : 'lowest first';
  return `Sorted by ${column}, ${order}.`;
}

export function CompareSummaryView({ summary }: { summary: ComparePrint }) {
  const chosen = summary.rows.find((r) => r.council.key === summary.highlightKey);
  return (
    <>
      <SummaryHead kind="Compare" title={summary.description} subtitle={`${countText(summary.rows.length, 'council')}; ${summary.title.replace(/^.*, /, '')}`} />
      <section className="summary-section">
        <p className="summary-note summary-lead">
          {sortedBy(summary)}
          {chosen && ` ${chosen.council.name} is marked “(chosen)”.`} Under each column, how many of these councils have each grade.
        </p>
        <CompareTable caption={summary.title} grid={summary.grid} rows={summary.rows} sort={summary.sort} highlightKey={summary.highlightKey} />
        <ScaleKey scales={summary.grid.columns.map((c) => c.scale)} />
      </section>
    </>
  );
}
