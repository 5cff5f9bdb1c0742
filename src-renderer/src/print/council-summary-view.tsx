import type { ReactNode } from 'react';
import type { CouncilSummary, Latest } from '../../../src-shared/summaries/council-summary';
import type { GradeScale } from '../../../src-shared/letters/letter';
import { Blocks, Checklist, Facts, Grade, Recommendations, ScaleKey, SummaryHead } from './summary-parts';

/** What the latest letter to have some says (areas for development, recommendations), and which letter that was. */
function LatestSection<T>({ title, latest, none, children }: { title: string; latest: Latest<T> | null; none: string; children: (items: T[]) => ReactNode }) {
  return (
    <section className="summary-section">
      <h2>{title}</h2>
      {latest ? (
        <>
          <p className="summary-from">
            From the {latest.from.source} ({latest.from.kindText.toLowerCase()}).
          </p>
          {children(latest.items)}
        </>
      ) : (
        <p className="summary-note">{none}</p>
      )}
    </section>
  );
}

/** One council on paper: its letters in date order, its grades over time, and what is still asked of it. */
export function CouncilSummaryView({ summary }: { summary: CouncilSummary }) {
  const { council } = summary;
  const latest = summary.letters[summary.letters.length - 1];
  const scales: GradeScale[] = [...(summary.apaGrades ? ['apa' as const] : []), ...(summary.annualRatings.length > 0 ? ['annual-rating' as const] : [])];
  return (
    <>
      <SummaryHead kind="Council summary" title={council.displayName} subtitle={[council.name, council.region].filter(Boolean).join(' · ')}>
        <Facts
          facts={[
            ['Letters', summary.extent],
            ...(latest
              ? [
                  [
                    'Latest rating',
                    <>
                      <Grade rating={latest.overall} none="Not rated" />{' '}
                      <span className="summary-note">
                        {latest.letter.kindText.toLowerCase()}, {latest.letter.dateText}
                      </span>
                    </>,
                  ] as const,
                ]
              : []),
          ]}
        />
      </SummaryHead>

      <section className="summary-section">
        <h2>Letters</h2>
        <table className="summary-table summary-table--letters">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col">Sent to</th>
              <th scope="col">Overall rating</th>
            </tr>
          </thead>
          <tbody>
            {summary.letters.map(({ letter, recipient, overall }) => (
              <tr key={letter.letterId}>
                <th scope="row" className="summary-nowrap">
                  {letter.dateText}
                </th>
                <td>{letter.kindText}</td>
                <td>{recipient ?? '—'}</td>
                <td>
                  <Grade rating={overall} none="Not rated" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="summary-section">
        <h2>Grades over time</h2>
        {summary.apaGrades && (
          <div className="summary-block">
            <h3>Annual performance assessments</h3>
            <table className="summary-table summary-table--years">
              <thead>
                <tr>
                  <th scope="col">Judgement</th>
                  {summary.apaGrades.columns.map((c, _, columns) => (
                    <th key={c.letterId} scope="col">
                      {/* A year alone, unless two of the letters share it. */}
                      {columns.filter((other) => other.year === c.year).length > 1 ? c.dateText : c.year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.apaGrades.rows.map((row) => (
                  <tr key={row.outcome}>
                    <th scope="row">{row.name}</th>
                    {row.ratings.map((r, i) => (
                      <td key={i}>
                        <Grade rating={r} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {summary.annualRatings.length > 0 && (
          <div className="summary-block">
            <h3>Annual ratings</h3>
            <table className="summary-table summary-table--compact">
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Letter of</th>
                  <th scope="col">Rating</th>
                </tr>
              </thead>
              <tbody>
                {summary.annualRatings.map(({ letter, rating }) => (
                  <tr key={letter.letterId}>
                    <th scope="row">{letter.year}</th>
                    <td>{letter.dateText}</td>
                    <td>
                      <Grade rating={rating} none="Not rated" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {scales.length > 0 && <ScaleKey scales={scales} />}
      </section>

      <LatestSection title="Latest areas for development" latest={summary.areasForDevelopment} none="None of the council’s letters names areas for development.">
        {(items) => <Checklist items={items} />}
      </LatestSection>

      <LatestSection title="Latest recommendations" latest={summary.recommendations} none="None of the council’s letters makes recommendations.">
        {(groups) => <Recommendations groups={groups} />}
      </LatestSection>

      <section className="summary-section">
        <h2>What each letter says</h2>
        {summary.letters.map(({ letter, letterTitle, overall, judgement }) => (
          <article key={letter.letterId} className="summary-letter">
            {/* Headings stay together and keep a few lines of text: a letter moves to a new page only when those will not fit. */}
            <div className="summary-letter-start">
              <h3>
                {letter.kindText}, {letter.dateText}
              </h3>
              <p className="summary-letter-meta">
                <Grade rating={overall} none="Not rated" /> <span className="summary-note">“{letterTitle}”</span>
              </p>
              {judgement && <h4>{judgement.heading}</h4>}
            </div>
            {judgement ? <Blocks blocks={judgement.blocks} /> : <p className="summary-note">The letter’s overall judgement could not be read.</p>}
          </article>
        ))}
      </section>
    </>
  );
}
