import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { getSetting, setSetting } from '../archive/repository';
import type { CouncilRow } from '../archive/types';
import { COUNCIL_SORTS, filterCouncils, isCouncilSort, sortCouncils, type CouncilSort } from '../ui/council-order';
import { countOf } from '../ui/format';
import { councilLabel } from '../ui/removal-labels';
import { NoRating, RatingBadge } from './rating-badge';
import { SelectableList } from './selectable-list';

const SORT_KEY = 'councilSort';

interface CouncilPaneProps {
  councils: CouncilRow[] | undefined;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  /** Enter on a council: go on to its letters. */
  onActivate: () => void;
  /** Told the filter as it changes, so the archive summary can offer the councils it shows. */
  onFilterChange?: (filter: string) => void;
  /** The Print summary button: the selected council's summary. */
  onPrintSummary?: () => void;
  /** Removes all of a council's letters (Delete, or its context menu); `next` is the council shown after it, to go on to. */
  onRemoveCouncil?: (council: CouncilRow, next: CouncilRow | undefined) => void;
}

/** Pane 1: every council in the archive, with a filter and a choice of order. */
export function CouncilPane({ councils, selectedKey, onSelect, onActivate, onFilterChange, onPrintSummary, onRemoveCouncil }: CouncilPaneProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<CouncilSort>('name');

  useEffect(() => {
    let live = true;
    getSetting<string>(SORT_KEY)
      .then((saved) => {
        if (live && isCouncilSort(saved)) setSort(saved);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => onFilterChange?.(filter), [filter, onFilterChange]);

  const shown = useMemo(() => sortCouncils(filterCouncils(councils ?? [], filter), sort), [councils, filter, sort]);

  function removeCouncil(council: CouncilRow): void {
    const at = shown.indexOf(council);
    onRemoveCouncil?.(council, shown[at + 1] ?? shown[at - 1]);
  }

  function changeSort(value: string): void {
    if (!isCouncilSort(value)) return;
    setSort(value);
    void setSetting(SORT_KEY, value).catch(() => undefined);
  }

  function filterKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const first = shown[0];
    if ((event.key === 'ArrowDown' || event.key === 'Enter') && first) {
      event.preventDefault();
      if (!shown.some((c) => c.key === selectedKey)) onSelect(first.key);
      const list = event.currentTarget.closest('.pane')?.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
      list?.focus();
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      setFilter('');
    }
  }

  return (
    <div className="pane pane--councils">
      <div className="pane-head">
        <div className="pane-head-row">
          <h2 className="pane-title">
            Councils
            {councils && councils.length > 0 && <span className="pane-count">{councils.length.toLocaleString('en-GB')}</span>}
          </h2>
          {onPrintSummary && councils && councils.length > 0 && (
            <button
              type="button"
              className="button print-summary-button"
              onClick={onPrintSummary}
              title={selectedKey ? 'Print a summary of the selected council' : 'Print a summary of every council'}
            >
              Print summary
            </button>
          )}
        </div>
        <div className="pane-tools">
          <input
            type="search"
            className="filter-input"
            aria-label="Filter councils"
            placeholder="Filter by name or region"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={filterKeyDown}
            spellCheck={false}
            autoComplete="off"
          />
          <select aria-label="Sort councils" className="sort-select" value={sort} onChange={(e) => changeSort(e.target.value)}>
            {COUNCIL_SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="pane-body">
        {councils === undefined ? (
          <p className="pane-empty">Loading…</p>
        ) : councils.length === 0 ? (
          <p className="pane-empty">No councils yet.</p>
        ) : shown.length === 0 ? (
          <p className="pane-empty">No council matches “{filter.trim()}”.</p>
        ) : (
          <SelectableList
            label="Councils"
            items={shown}
            itemKey={(c) => c.key}
            itemLabel={(c) => c.displayName}
            selectedKey={selectedKey}
            onSelect={(c) => onSelect(c.key)}
            onActivate={(c) => {
              onSelect(c.key);
              onActivate();
            }}
            onDelete={onRemoveCouncil && removeCouncil}
            menuFor={(c) =>
              onRemoveCouncil ? [{ label: `Remove ${councilLabel(c)}`, run: () => removeCouncil(c), danger: true }] : []
            }
            renderItem={(c) => (
              <div className="council-item">
                <span className="council-name">{c.displayName}</span>
                <span className="item-meta">
                  {c.region ? `${c.region} · ` : ''}
                  {countOf(c.letterCount, 'letter')}
                </span>
                {c.latest ? <RatingBadge rating={c.latest} /> : <NoRating />}
              </div>
            )}
          />
        )}
      </div>
    </div>
  );
}
