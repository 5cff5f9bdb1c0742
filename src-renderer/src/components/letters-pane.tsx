import { useEffect, useMemo, useState } from 'react';
import type { CouncilRow, StoredLetter } from '../archive/types';
import { countOf, formatLetterDate, kindLabel } from '../ui/format';
import { councilLabel, lettersLabel } from '../ui/removal-labels';
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
  /** Removes these letters (Delete, the context menu, or the button shown when several are chosen). */
  onRemove?: (letters: StoredLetter[]) => void;
}

/** Pane 2: the chosen council's letters, newest first. */
export function LettersPane({ council, letters, selectedId, onSelect, onActivate, onRemove }: LettersPaneProps) {
  const sameOccasion = useMemo(() => lettersOfSameOccasion(letters ?? []), [letters]);
  /** Letters chosen together (Ctrl/Cmd+click, Shift+click), to remove at once. */
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  // Another council's letters, or letters gone from the archive, are no longer chosen.
  useEffect(() => {
    setMarked((now) => {
      const kept = new Set([...now].filter((id) => letters?.some((l) => l.id === id)));
      return kept.size === now.size ? now : kept;
    });
  }, [letters]);
  const chosen = letters?.filter((l) => marked.has(l.id)) ?? [];
  /** What Delete or the menu removes: the letters chosen, when this one is among them, else this one. */
  const toRemove = (letter: StoredLetter) => (marked.has(letter.id) ? chosen : [letter]);
  /** The choice ends with the removal, so the letter that opens in their place is the one shown chosen (and focused). */
  const remove =
    onRemove &&
    ((list: StoredLetter[]) => {
      setMarked(new Set());
      onRemove(list);
    });
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
          <>
            {chosen.length > 1 && onRemove && (
              <div className="marked-bar" role="group" aria-label="Chosen letters">
                <span className="marked-count">{countOf(chosen.length, 'letter')} chosen</span>
                <button type="button" className="button button--danger" onClick={() => remove?.(chosen)}>
                  Remove {chosen.length}
                </button>
                <button type="button" className="button" onClick={() => setMarked(new Set())}>
                  Clear
                </button>
              </div>
            )}
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
              marked={marked}
              onMark={onRemove && setMarked}
              onDelete={remove && ((l) => remove(toRemove(l)))}
              menuFor={(l) =>
                remove && council
                  ? [
                      { label: `Remove ${lettersLabel(toRemove(l))}`, run: () => remove(toRemove(l)), danger: true },
                      // Offered apart only when it is more than the letters above.
                      ...(toRemove(l).length < letters.length
                        ? [{ label: `Remove ${councilLabel(council)}`, run: () => remove(letters), danger: true }]
                        : []),
                    ]
                  : []
              }
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
          </>
        )}
      </div>
    </div>
  );
}
