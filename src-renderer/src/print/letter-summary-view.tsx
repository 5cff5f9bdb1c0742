import type { StoredLetter } from '../archive/types';
import type { LetterSummary } from '../../../src-shared/summaries/letter-summary';
import { scaleName } from '../../../src-shared/summaries/summary-words';
import { Blocks, Checklist, Facts, Grade, Recommendations, ScaleKey, SummaryHead } from './summary-parts';

/** One letter on paper: who, when, the grades, what it recommends and what to work on. */
export function LetterSummaryView({ summary, letter }: { summary: LetterSummary; letter: StoredLetter }) {
  const { council, overall } = summary;
  const gradeScales = summary.grades.flatMap((g) => (g.rating ? [g.rating.scale] : []));
  // An annual rating's one grade is its overall rating, already at the top: no table for it.
  const showGrades = summary.letter.kind === 'apa' || summary.grades.length > 1;
  return (
    <>
      <SummaryHead kind="Letter summary" title={council.displayName} subtitle={[council.name, council.region].filter(Boolean).join(' · ')}>
        <Facts
          facts={[
            ['Letter', `${summary.letter.kindText}, ${summary.letter.dateText}`],
            ...(summary.recipient ? [['To', summary.recipient] as const] : []),
            ...(summary.signatory ? [['From', summary.signatory] as const] : []),
            [
              'Overall rating',
              overall ? (
                <>
                  <Grade rating={overall} /> <span className="summary-note">on the {scaleName(overall.scale)} scale, where 4 is best</span>
                </>
              ) : (
                'The letter gives no overall rating that could be read.'
              ),
            ],
          ]}
        />
      </SummaryHead>

      {showGrades && (
        <section className="summary-section">
          <h2>{summary.letter.kind === 'apa' ? 'Grades of the seven judgements' : 'Grades'}</h2>
          <table className="summary-table summary-table--grades">
            <thead>
              <tr>
                <th scope="col">Judgement</th>
                <th scope="col">Grade</th>
              </tr>
            </thead>
            <tbody>
              {summary.grades.map((row) => (
                <tr key={row.name}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <Grade rating={row.rating} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {gradeScales.length > 0 && <ScaleKey scales={gradeScales} />}
        </section>
      )}

      {summary.rating && (
        <section className="summary-section">
          <h2>{summary.rating.heading}</h2>
          <Blocks blocks={summary.rating.blocks} />
        </section>
      )}

      {summary.recommendations.length > 0 && (
        <section className="summary-section">
          <h2>Recommendations</h2>
          <Recommendations groups={summary.recommendations} />
        </section>
      )}

      {summary.areasForDevelopment.length > 0 && (
        <section className="summary-section">
          <h2>Areas for development</h2>
          <Checklist items={summary.areasForDevelopment} />
        </section>
      )}

      {summary.letter.kind === 'apa' && summary.recommendations.length === 0 && summary.areasForDevelopment.length === 0 && (
        <p className="summary-note">The letter makes no recommendations and names no areas for development that could be read.</p>
      )}

      <p className="summary-sources">
        From Ofsted’s {summary.letter.source} to {council.name}, “{summary.letterTitle}”, read from the file {letter.sourceFile}.
      </p>
    </>
  );
}
