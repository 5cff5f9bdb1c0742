/**
 * A council's grades over the years: the chart of its overall grade, then the table of every
 * grade by year, each cell a badge that opens its letter at the section that gives it.
 */
import { useMemo } from 'react';
import { timelineTable, cellWords } from '../../../src-shared/analysis/tables';
import { councilTimeline, TIMELINE_YEARS, type TimelineCell, type TimelineColumn } from '../../../src-shared/analysis/timeline';
import type { LetterGrades } from '../../../src-shared/analysis/letter-grades';
import { RatingBadge } from '../components/rating-badge';
import { formatLetterDate } from '../ui/format';
import { ExportButton } from './export-button';
import { GradeChart } from './grade-chart';

interface GradesOverTimeProps {
  council: string;
  /** The council's letters' grades; undefined while they load. */
  grades: LetterGrades[] | undefined;
  onOpen: (letterId: string, sectionIndex: number | null) => void;
}

function ColumnHead({ column }: { column: TimelineColumn }) {
  return (
    <th scope="col" data-year={column.year}>
      <span className="timeline-year">{column.year}</span>
      <span className="timeline-year-note">
        {column.letters === 0 ? 'No letter' : column.letters > 1 ? `${column.letters} letters; latest ${formatLetterDate(column.date!)}` : formatLetterDate(column.date!)}
      </span>
    </th>
  );
}

function Cell({ cell, row, year, onOpen }: { cell: TimelineCell; row: string; year: number; onOpen: GradesOverTimeProps['onOpen'] }) {
  switch (cell.status) {
    case 'graded':
      return (
        <td data-grade={cell.rating.grade}>
          <button type="button" className="cell-button" onClick={() => onOpen(cell.letterId, cell.sectionIndex)} aria-label={`${row}, ${year}: ${cell.rating.grade} ${cell.rating.label}. Open the letter`}>
            <RatingBadge rating={cell.rating} compact />
          </button>
        </td>
      );
    case 'not-read':
      return (
        <td>
          <button type="button" className="cell-button cell-button--text" onClick={() => onOpen(cell.letterId, null)} aria-label={`${row}, ${year}: the grade could not be read. Open the letter`}>
            Not read
          </button>
        </td>
      );
    case 'no-letter':
      return <td className="cell-none">{cellWords(cell)}</td>;
    case 'not-graded':
      return (
        <td className="cell-none">
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">Not graded in this year’s letter</span>
        </td>
      );
  }
}

export function GradesOverTime({ council, grades, onOpen }: GradesOverTimeProps) {
  const timeline = useMemo(() => (grades ? councilTimeline(grades) : null), [grades]);
  return (
    <div className="pane pane--analysis">
      <div className="analysis-scroll" tabIndex={-1}>
        <div className="analysis-head">
          <h2 className="analysis-title">
            Grades over time <span className="pane-subtitle">{council}</span>
          </h2>
          {timeline && <ExportButton name={[council, 'grades over time']} table={() => timelineTable(council, timeline)} />}
        </div>
        {!timeline ? (
          <p className="pane-empty">Loading…</p>
        ) : (
          <>
            <GradeChart council={council} years={TIMELINE_YEARS} line={timeline.line} />
            <p className="analysis-note">
              Annual performance assessments (2005 to 2008) and annual ratings (2009 on) grade on different scales, both with 4 best. A year with
              two letters shows the later one.
            </p>
            <div className="table-scroll">
              <table className="analysis-table timeline-table">
                <caption className="visually-hidden">Grades of {council} by year</caption>
                <thead>
                  <tr>
                    <th scope="col">Grade</th>
                    {timeline.columns.map((column) => (
                      <ColumnHead key={column.year} column={column} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {timeline.rows.map((row) => (
                    <tr key={row.key} data-row={row.key}>
                      <th scope="row">{row.name}</th>
                      {row.cells.map((cell, i) => (
                        <Cell key={i} cell={cell} row={row.name} year={timeline.columns[i]!.year} onOpen={onOpen} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
