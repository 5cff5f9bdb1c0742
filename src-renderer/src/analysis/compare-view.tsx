/**
 * Compare: councils side by side, by year or by APA outcome, sorted by any column or by the
 * change between two years, with the chosen council highlighted. Prints and exports.
 */
import { cloneElement, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { chooseCouncils, compareGrid, OUTCOME_YEARS, regionsOf, sortGridRows, type CouncilChoice, type GridCouncil, type GridSort } from '../../../src-shared/analysis/compare-grid';
import { gridTable } from '../../../src-shared/analysis/tables';
import { TIMELINE_YEARS } from '../../../src-shared/analysis/timeline';
import { statNeighboursOf } from '../../../src-shared/letters/councils';
import { countText } from '../../../src-shared/letters/letter-words';
import { useAllGrades } from '../archive/hooks';
import type { CouncilRow } from '../archive/types';
import type { ComparePrint } from '../print/print-types';
import { CompareTable } from './compare-table';
import { ExportButton } from './export-button';
import { useViewKeyboard } from './use-view-keyboard';

interface CompareViewProps {
  councils: CouncilRow[] | undefined;
  /** The chosen council: highlighted, and the one whose neighbours are offered first. */
  chosenKey: string | null;
  /** The councils of the current search, when there is one, and what they are ("Councils with letters matching …"). */
  search: { keys: string[]; label: string } | null;
  onOpen: (councilKey: string, letterId: string | null, sectionIndex: number | null) => void;
  onPrint: (print: ComparePrint) => void;
  /** The grid as now drawn, each time it changes: for the menu's Print… while Compare is open. */
  onShown?: (print: ComparePrint | undefined) => void;
  onClose: () => void;
  /** False while hidden, kept for its next opening: it then reads nothing. */
  active: boolean;
}

type ChoiceKind = CouncilChoice['by'];
type Show = 'years' | `outcomes-${number}`;

const gridCouncil = (c: CouncilRow): GridCouncil => ({ key: c.key, name: c.displayName, region: c.region, code: c.code });

export function CompareView({ councils, chosenKey, search, onOpen, onPrint, onShown, onClose, active }: CompareViewProps) {
  const grades = useAllGrades(active);
  const all = useMemo(() => (councils ?? []).map(gridCouncil), [councils]);
  const regions = useMemo(() => regionsOf(all), [all]);
  const [kind, setKind] = useState<ChoiceKind>(chosenKey ? 'neighbours' : 'all');
  const [region, setRegion] = useState<string>('');
  const [neighboursOf, setNeighboursOf] = useState<string>(chosenKey ?? '');
  const [show, setShow] = useState<Show>('years');
  const [from, setFrom] = useState(TIMELINE_YEARS[0]!);
  const [to, setTo] = useState(TIMELINE_YEARS[TIMELINE_YEARS.length - 1]!);
  const [sort, setSort] = useState<GridSort>({ by: 'order' });

  const regionNow = region || regions[0] || '';
  const neighbourKey = neighboursOf || chosenKey || all[0]?.key || '';
  const choice: CouncilChoice =
    kind === 'region'
      ? { by: 'region', region: regionNow }
      : kind === 'keys' && search
        ? { by: 'keys', keys: search.keys }
        : kind === 'neighbours'
          ? { by: 'neighbours', councilKey: neighbourKey }
          : { by: 'all' };
  const chosen = useMemo(() => chooseCouncils(choice, all, statNeighboursOf), [JSON.stringify(choice), all]);
  const mode = show === 'years' ? ({ by: 'years' } as const) : ({ by: 'outcomes', year: Number(show.slice('outcomes-'.length)) } as const);
  const grid = useMemo(() => (grades ? compareGrid(grades, chosen.councils, mode, { from, to }) : null), [grades, chosen, show, from, to]);
  const rows = useMemo(() => (grid ? sortGridRows(grid.rows, sort) : []), [grid, sort]);
  const highlightKey = kind === 'neighbours' ? neighbourKey : chosenKey;
  const neighbourName = all.find((c) => c.key === neighbourKey)?.name ?? '';

  const description =
    kind === 'region'
      ? `Councils in ${regionNow}`
      : kind === 'keys' && search
        ? search.label
        : kind === 'neighbours'
          ? `${neighbourName} and its statistical neighbours`
          : 'All councils in the archive';
  const what = mode.by === 'years' ? 'overall grade by year' : `APA outcomes in ${mode.year}`;
  const title = `Compare: ${description}, ${what}`;

  const print: ComparePrint | undefined = grid ? { title, description, grid, rows, sort, highlightKey } : undefined;
  useEffect(() => {
    onShown?.(print);
  }, [grid, rows, title, highlightKey]);
  useEffect(
    () => () => {
      onShown?.(undefined);
    },
    [],
  );

  const keyboard = useViewKeyboard(active, onClose);
  // The same function across renders, so the table (memoised) is not drawn again for a new one.
  const latestOnOpen = useRef(onOpen);
  latestOnOpen.current = onOpen;
  const open = useCallback((councilKey: string, letterId: string | null, sectionIndex: number | null) => latestOnOpen.current(councilKey, letterId, sectionIndex), []);

  return (
    <section ref={keyboard.ref} className="pane analysis-view" aria-label="Compare councils" tabIndex={-1} onKeyDown={keyboard.onKeyDown}>
      <div className="analysis-toolbar">
        <h2 className="analysis-title">Compare</h2>
        <Field label="Councils">
          <select value={kind} onChange={(e) => setKind(e.target.value as ChoiceKind)}>
            <option value="all">All councils</option>
            <option value="region">A region</option>
            {search && <option value="keys">The current search’s councils</option>}
            <option value="neighbours">A council and its statistical neighbours</option>
          </select>
        </Field>
        {kind === 'region' && (
          <Field label="Region">
            <select value={regionNow} onChange={(e) => setRegion(e.target.value)}>
              {regions.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </Field>
        )}
        {kind === 'neighbours' && (
          <Field label="Council">
            <select value={neighbourKey} onChange={(e) => setNeighboursOf(e.target.value)}>
              {all.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Show">
          <select
            value={show}
            onChange={(e) => {
              setShow(e.target.value as Show);
              // The columns are others now: a sort by one of them would sort by something else.
              setSort({ by: 'order' });
            }}
          >
            <option value="years">Overall grade by year</option>
            {OUTCOME_YEARS.map((y) => (
              <option key={y} value={`outcomes-${y}`}>
                APA outcomes in {y}
              </option>
            ))}
          </select>
        </Field>
        {mode.by === 'years' && (
          <>
            <Field label="Change from">
              <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                {TIMELINE_YEARS.map((y) => (
                  <option key={y}>{y}</option>
                ))}
              </select>
            </Field>
            <Field label="to">
              <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
                {TIMELINE_YEARS.map((y) => (
                  <option key={y}>{y}</option>
                ))}
              </select>
            </Field>
          </>
        )}
        <div className="analysis-actions">
          <button type="button" className="button" disabled={!grid} onClick={() => print && onPrint(print)}>
            Print…
          </button>
          <ExportButton name={['Compare', description, what]} table={() => gridTable({ ...grid!, rows })} disabled={!grid} />
          <button type="button" className="button" onClick={onClose}>
            Back to letters
          </button>
        </div>
      </div>
      <div className="analysis-scroll">
        <p className="analysis-note">
          {description}: {countText(rows.length, 'council')}. {mode.by === 'years' ? 'APA overall effectiveness to 2008, the annual rating from 2009; 4 is best on both scales.' : 'The grades of each council’s latest APA letter of the year.'}
          {chosen.notInArchive.length > 0 && ` Neighbours with no letters in the archive: ${chosen.notInArchive.join(', ')}.`}
        </p>
        {!grid ? (
          <p className="pane-empty">Loading the grades…</p>
        ) : rows.length === 0 ? (
          <p className="pane-empty">No councils to compare.</p>
        ) : (
          <div className="table-scroll">
            <CompareTable caption={`${description}: ${what}`} grid={grid} rows={rows} sort={sort} highlightKey={highlightKey} onSort={setSort} onOpen={open} />
          </div>
        )}
      </div>
    </section>
  );
}

/** A labelled control of the toolbar: the label names the control alone, not its value too. */
function Field({ label, children }: { label: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="analysis-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
