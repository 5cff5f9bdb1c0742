import { useMemo } from 'react';
import type { CouncilRow, StoredLetter } from '../archive/types';
import { formatLetterDate, kindLabel } from '../ui/format';
import { lettersOfSameOccasion } from '../ui/same-occasion';
import { NoRating, RatingBadge } from './rating-badge';
import { SelectableList } from './selectable-list';

interface LettersPaneProps {
  council: CouncilRow | undefined;
  /** The chosen council's letters, newest first; undefined while they load. */
  letters: StoredLetter[] | undefined;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Enter on a letter: go on to read it. */
  onActivate: () => void;
}

/** Pane 2: the chosen council's letters, newest first. */
export function LettersPane({ council, letters, selectedId, onSelect, onActivate }: LettersPaneProps) {
  const sameOccasion = useMemo(() => lettersOfSameOccasion(letters ?? []), [letters]);
  return (
    <div className="pane pane--letters">
      <div className="pane-head">
        <h2 className="pane-title">
          Letters
          {council && <span className="pane-subtitle">{council.displayName}</span>}
        </h2>
      </div>
      <div className="pane-body">
        {!council ? (
          <p className="pane-empty">Choose a council to see its letters.</p>
        ) : letters === undefined ? (
          <p className="pane-empty">Loading…</p>
        ) : letters.length === 0 ? (
          <p className="pane-empty">This council has no letters.</p>
        ) : (
          <SelectableList
            label="Letters"
            items={letters}
            itemKey={(l) => l.id}
            selectedKey={selectedId}
            onSelect={(l) => onSelect(l.id)}
            onActivate={(l) => {
              onSelect(l.id);
              onActivate();
            }}
            renderItem={(l) => (
              <div className="letter-item">
                <span className="letter-item-date">{formatLetterDate(l.date)}</span>
                <span className="item-meta">
                  {kindLabel(l.kind, l.year)}
                  {l.sample && <span className="sample-tag">Sample</span>}
                </span>
                {l.overall ? <RatingBadge rating={l.overall} /> : <NoRating />}
                {(sameOccasion.get(l.id) ?? 1) > 1 && (
                  <span className="same-date-note">{sameOccasion.get(l.id) === 2 ? 'Two' : sameOccasion.get(l.id)} different letters of this date</span>
                )}
              </div>
            )}
          />
        )}
      </div>
    </div>
  );
}
