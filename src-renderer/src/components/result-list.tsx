import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { LetterResult, SectionResult } from '../search/search-types';
import { formatLetterDate, kindShortLabel } from '../ui/format';
import { badgeText } from '../ui/grade-style';
import type { HitMatcher } from '../ui/highlight';
import { nextIndex } from '../ui/list-keys';
import { flattenResults, resultKey } from '../ui/search-display';
import { HighlightedText } from './highlighted-text';
import { NoRating, RatingBadge } from './rating-badge';

export interface ResultChoice {
  letter: LetterResult;
  section: SectionResult;
}

interface ResultListProps {
  letters: readonly LetterResult[];
  /** Marks the search's words in the section headings. */
  matcher: HitMatcher | null;
  selectedKey: string | null;
  /** Arrow keys or a click: show this result. */
  onSelect: (choice: ResultChoice) => void;
  /** Enter: show it and go on to read it. */
  onActivate: (choice: ResultChoice) => void;
  /** Esc: leave the results. */
  onEscape: () => void;
}

/** The group's name, for screen readers: the visible head is drawn for the eye only. */
function groupLabel(letter: LetterResult): string {
  const overall = letter.overall ? `, overall ${badgeText(letter.overall)}` : '';
  return `${letter.councilName}, ${formatLetterDate(letter.date)}, ${kindShortLabel(letter.kind)}${overall}`;
}

/**
 * The results as one listbox: a group per letter (council, date, kind, overall rating),
 * an option per matching section (heading, grade, snippet). The list is one Tab stop;
 * the arrow keys, Home, End and Page keys move through every option in it.
 */
export function ResultList({ letters, matcher, selectedKey, onSelect, onActivate, onEscape }: ResultListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => flattenResults(letters), [letters]);
  const selectedIndex = rows.findIndex((r) => r.key === selectedKey);
  const tabStop = selectedIndex >= 0 ? rows[selectedIndex]?.key : rows[0]?.key;

  const options = (): HTMLElement[] => [...(listRef.current?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];

  // A result chosen elsewhere (Enter in the search box) is scrolled into view.
  useEffect(() => {
    if (selectedIndex >= 0) options()[selectedIndex]?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const all = options();
    const focused = all.indexOf(document.activeElement as HTMLElement);
    const current = focused >= 0 ? focused : selectedIndex;
    const to = nextIndex(event.key, current, rows.length);
    const row = rows[current];
    if (to !== null) {
      event.preventDefault();
      const target = rows[to];
      if (!target) return;
      onSelect(target);
      all[to]?.focus();
    } else if (event.key === 'Enter' && row) {
      event.preventDefault();
      onActivate(row);
    } else if (event.key === ' ' && row) {
      event.preventDefault();
      onSelect(row);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  }

  return (
    <div ref={listRef} role="listbox" aria-label="Search results" className="results-list" onKeyDown={handleKeyDown}>
      {letters.map((letter) => {
        const first = letter.sections[0];
        return (
          <div key={letter.letterId} role="group" aria-label={groupLabel(letter)} className="result-group">
            <div className="result-group-head" aria-hidden="true" onClick={() => first && onSelect({ letter, section: first })}>
              <span className="result-council">{letter.councilName}</span>
              <span className="item-meta">
                {formatLetterDate(letter.date)} · {kindShortLabel(letter.kind)}
              </span>
              {letter.overall ? <RatingBadge rating={letter.overall} compact /> : <NoRating />}
            </div>
            {letter.sections.map((section) => {
              const key = resultKey(letter.letterId, section.sectionIndex);
              return (
                <div
                  key={key}
                  role="option"
                  aria-selected={key === selectedKey}
                  tabIndex={key === tabStop ? 0 : -1}
                  className="list-option result-option"
                  onClick={() => onSelect({ letter, section })}
                >
                  <span className="visually-hidden">{letter.councilName}, {letter.year}: </span>
                  <span className="result-heading">
                    <span className="result-heading-text">
                      <HighlightedText text={section.heading} matcher={matcher} />
                    </span>
                    {section.grade && <RatingBadge rating={section.grade} compact />}
                  </span>
                  {section.snippet.text && (
                    <span className="result-snippet">
                      <HighlightedText text={section.snippet.text} ranges={section.snippet.marks} />
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
