import { useEffect, useRef, type KeyboardEvent } from 'react';

const SYNTAX: readonly [example: string, meaning: string][] = [
  ['fostering adoption', 'sections with both words (a word also finds its other forms and near spellings)'],
  ['"initial assessments"', 'the words together, in that order'],
  ['-bullying', 'leave out sections with this word (or -"a phrase")'],
  ['fostering OR adoption', 'either word'],
  ['council:coventry', 'letters to councils whose name starts so'],
  ['year:2009', 'letters of one year; year:2005..2008 for a range, year:2007 OR year:2009 for either'],
  ['kind:apa  kind:rating', 'annual performance assessments, or annual ratings'],
  ['grade:2  grade:<=2', 'sections with that grade (4 is best); also <, >, >='],
  ['outcome:"staying safe"', 'one of the five outcomes of an APA'],
  ['region:"west midlands"', 'councils in a region'],
];

/** The "?" beside the search box: what a query can say. */
export function SearchHelp() {
  const ref = useRef<HTMLDetailsElement>(null);

  // Like a menu, it closes on a click anywhere else.
  useEffect(() => {
    function pointerDown(event: PointerEvent): void {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    }
    document.addEventListener('pointerdown', pointerDown);
    return () => document.removeEventListener('pointerdown', pointerDown);
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDetailsElement>): void {
    const details = ref.current;
    if (event.key === 'Escape' && details?.open) {
      event.preventDefault();
      event.stopPropagation();
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  }

  return (
    <details ref={ref} className="search-help" onKeyDown={handleKeyDown}>
      <summary aria-label="Search syntax" title="Search syntax">
        ?
      </summary>
      <div className="search-help-panel">
        <h2 className="search-help-title">Searching</h2>
        <dl>
          {SYNTAX.map(([example, meaning]) => (
            <div key={example} className="search-help-row">
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="search-help-keys">
          Enter opens the first result, then goes from hit to hit (Shift+Enter back; F3 and Shift+F3 anywhere). ↓ goes
          into the results, Esc goes back.
        </p>
      </div>
    </details>
  );
}
