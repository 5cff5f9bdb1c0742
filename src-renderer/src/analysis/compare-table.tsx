/**
 * The compare grid as a table: councils down, years or outcomes across, the change between two
 * years, and under every column how many councils have each grade. On screen the headers sort
 * and the badges open their letters; on paper the same table is drawn still.
 */
import { memo, type ReactNode } from 'react';
import type { CompareGrid, GridSort } from '../../../src-shared/analysis/compare-grid';
import { RatingBadge } from '../components/rating-badge';

interface CompareTableProps {
  /** What the table shows, for screen readers: "Coventry and its statistical neighbours: overall grade by year". */
  caption: string;
  grid: CompareGrid;
  /** The grid's rows in the order shown. */
  rows: CompareGrid['rows'];
  sort: GridSort;
  /** The council kept highlighted. */
  highlightKey: string | null;
  /** Absent on paper: the headers do not sort and the badges open nothing. */
  onSort?: (sort: GridSort) => void;
  onOpen?: (councilKey: string, letterId: string | null, sectionIndex: number | null) => void;
}

type SortKey = Pick<GridSort, 'by'> & { index?: number };

function sameKey(sort: GridSort, key: SortKey): boolean {
  return sort.by === key.by && (sort.by !== 'column' || sort.index === key.index);
}

/** Text sorts A to Z first; grades and changes best first. */
function firstDirection(key: SortKey): boolean {
  return !(key.by === 'council' || key.by === 'region');
}

/**
 * Drawn again only when what it shows changes: a grid of 150 councils is a few thousand
 * elements, and opening Compare again must not redraw them all.
 */
export const CompareTable = memo(function CompareTable({ caption, grid, rows, sort, highlightKey, onSort, onOpen }: CompareTableProps) {
  function header(key: SortKey, label: string, title?: string) {
    const active = sameKey(sort, key);
    const direction = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
    return (
      <th scope="col" aria-sort={direction} title={title}>
        {onSort ? (
          <button
            type="button"
            className="summary-sort"
            onClick={() =>
              onSort({ ...(key.by === 'column' ? { by: 'column', index: key.index! } : { by: key.by as 'council' | 'region' | 'change' }), descending: active ? !sort.descending : firstDirection(key) })
            }
          >
            {label}
            <span className="summary-sort-mark" aria-hidden="true">
              {active ? (sort.descending ? '▼' : '▲') : ''}
            </span>
          </button>
        ) : (
          label
        )}
      </th>
    );
  }
  return (
    <table className="analysis-table compare-table" data-rows={rows.length}>
      <caption className="visually-hidden">{caption}</caption>
      {/* Widths set once here let the table be laid out from them, not from every one of its rows. */}
      <colgroup>
        <col className="compare-col-council" />
        <col className="compare-col-region" />
        {grid.columns.map((column) => (
          <col key={column.key} className={grid.columns.length > 7 || column.key.length > 4 ? 'compare-col-outcome' : 'compare-col-grade'} />
        ))}
        {grid.change && <col className="compare-col-change" />}
      </colgroup>
      <thead>
        <tr>
          {header({ by: 'council' }, 'Council')}
          {header({ by: 'region' }, 'Region')}
          {grid.columns.map((column, index) => (
            <HeaderCell key={column.key}>{header({ by: 'column', index }, column.label, column.scale === 'apa' ? 'APA grade' : 'Annual rating')}</HeaderCell>
          ))}
          {grid.change && header({ by: 'change' }, `Change ${grid.change.from}–${grid.change.to}`, `The grade in ${grid.change.to} less that in ${grid.change.from}`)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const chosen = row.council.key === highlightKey;
          return (
            <tr key={row.council.key} className={chosen ? 'compare-row--chosen' : undefined} aria-current={chosen ? 'true' : undefined} data-council={row.council.key}>
              <th scope="row">
                {onOpen ? (
                  <button type="button" className="link-button" onClick={() => onOpen(row.council.key, null, null)}>
                    {row.council.name}
                  </button>
                ) : (
                  row.council.name
                )}
                {chosen && <span className="compare-chosen-mark"> (chosen)</span>}
              </th>
              <td>{row.council.region ?? '—'}</td>
              {row.cells.map((cell, i) => (
                <td key={grid.columns[i]!.key} className="compare-grade-cell" data-grade={cell?.rating.grade ?? ''}>
                  {!cell ? (
                    <span className="cell-none">
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">No grade</span>
                    </span>
                  ) : onOpen ? (
                    <button
                      type="button"
                      className="cell-button"
                      onClick={() => onOpen(row.council.key, cell.letterId, cell.sectionIndex)}
                      aria-label={`${row.council.name}, ${grid.columns[i]!.label}: ${cell.rating.grade} ${cell.rating.label}. Open the letter`}
                    >
                      <RatingBadge rating={cell.rating} compact />
                    </button>
                  ) : (
                    <RatingBadge rating={cell.rating} compact />
                  )}
                </td>
              ))}
              {grid.change && <td className="compare-change">{row.change === null ? '–' : row.change > 0 ? `+${row.change}` : String(row.change)}</td>}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        {([4, 3, 2, 1] as const).map((grade) => (
          <tr key={grade} className="compare-count-row">
            <th scope="row" colSpan={2}>
              Councils graded {grade}
            </th>
            {grid.counts.map((count, i) => (
              <td key={grid.columns[i]!.key}>{count.grades[grade]}</td>
            ))}
            {grid.change && <td />}
          </tr>
        ))}
        <tr className="compare-count-row">
          <th scope="row" colSpan={2}>
            No grade
          </th>
          {grid.counts.map((count, i) => (
            <td key={grid.columns[i]!.key}>{count.none}</td>
          ))}
          {grid.change && <td />}
        </tr>
      </tfoot>
    </table>
  );
});

/** A keyed place for a header cell made by a function. */
function HeaderCell({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
