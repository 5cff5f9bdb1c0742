import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Section } from '../../../src-shared/letters/letter';
import { RatingBadge } from './rating-badge';

interface LetterTocProps {
  sections: readonly Section[];
  current: number | null;
  onJump: (index: number) => void;
}

/** Whether the strip has more sections out of sight before and after what it shows. */
interface Overflow {
  before: boolean;
  after: boolean;
}

const NO_OVERFLOW: Overflow = { before: false, after: false };
/** Room left for the fade and the scroll button at each edge, in pixels. */
const EDGE = 40;

/**
 * A strip of the letter's sections that stays at the top while reading; a click goes to the
 * section. When the sections do not all fit, the strip says so: the edge with more beyond it
 * fades, and buttons at its ends scroll it (the keyboard reaches every section with Tab, each
 * scrolled into sight as it is focused).
 */
export function LetterToc({ sections, current, onJump }: LetterTocProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [overflow, setOverflow] = useState<Overflow>(NO_OVERFLOW);

  const measure = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const before = list.scrollLeft > 1;
    const after = list.scrollLeft + list.clientWidth < list.scrollWidth - 1;
    setOverflow((o) => (o.before === before && o.after === after ? o : { before, after }));
  }, []);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [measure, sections]);

  // Keeps the current section's entry in sight as the reader scrolls (the strip scrolls sideways).
  useEffect(() => {
    const list = listRef.current;
    const item = current === null ? null : list?.children[current];
    if (!list || !(item instanceof HTMLElement)) return;
    const left = item.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft + EDGE) list.scrollLeft = Math.max(0, left - EDGE);
    else if (left + item.offsetWidth > list.scrollLeft + list.clientWidth - EDGE) {
      list.scrollLeft = left + item.offsetWidth - list.clientWidth + EDGE;
    }
  }, [current]);

  function scrollBy(direction: -1 | 1): void {
    const list = listRef.current;
    if (!list) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollBy({ left: direction * Math.max(EDGE, list.clientWidth * 0.7), behavior: smooth ? 'smooth' : 'auto' });
  }

  const scrolls = overflow.before || overflow.after;
  return (
    <nav
      className="letter-toc"
      aria-label="Sections of this letter"
      data-more-before={overflow.before || undefined}
      data-more-after={overflow.after || undefined}
    >
      {scrolls && (
        <button type="button" className="toc-scroll toc-scroll--before" tabIndex={-1} aria-label="Scroll the sections back" title="Earlier sections" disabled={!overflow.before} onClick={() => scrollBy(-1)}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M10 3.5L5.5 8l4.5 4.5" />
          </svg>
        </button>
      )}
      <ol ref={listRef} onScroll={measure}>
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
      {scrolls && (
        <button type="button" className="toc-scroll toc-scroll--after" tabIndex={-1} aria-label="Scroll the sections on" title="Later sections" disabled={!overflow.after} onClick={() => scrollBy(1)}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M6 3.5L10.5 8 6 12.5" />
          </svg>
        </button>
      )}
    </nav>
  );
}
