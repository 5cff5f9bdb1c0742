import { useEffect, useRef } from 'react';
import type { Section } from '../../../src-shared/letters/letter';
import { RatingBadge } from './rating-badge';

interface LetterTocProps {
  sections: readonly Section[];
  current: number | null;
  onJump: (index: number) => void;
}

/** A bar of the letter's sections that stays at the top while reading; a click goes to the section. */
export function LetterToc({ sections, current, onJump }: LetterTocProps) {
  const listRef = useRef<HTMLOListElement>(null);

  // Keeps the current section's entry in sight as the reader scrolls (the bar scrolls sideways).
  useEffect(() => {
    const list = listRef.current;
    const item = current === null ? null : list?.children[current];
    if (!list || !(item instanceof HTMLElement)) return;
    const left = item.offsetLeft - list.offsetLeft;
    const fade = 40;
    if (left < list.scrollLeft) list.scrollLeft = left;
    else if (left + item.offsetWidth > list.scrollLeft + list.clientWidth - fade) {
      list.scrollLeft = left + item.offsetWidth - list.clientWidth + fade;
    }
  }, [current]);

  return (
    <nav className="letter-toc" aria-label="Sections of this letter">
      <ol ref={listRef}>
        {sections.map((section, i) => (
          <li key={i}>
            <button
              type="button"
              className="toc-item"
              aria-current={current === i ? 'location' : undefined}
              title={section.heading}
              onClick={() => onJump(i)}
            >
              <span className="toc-heading">{section.heading}</span>
              {section.grade && <RatingBadge rating={section.grade} compact />}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
