import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type Ref } from 'react';
import type { StoredLetter } from '../archive/types';
import { useHitNavigator } from '../app/use-hit-navigator';
import { makeHitMatcher, type HitTerms } from '../ui/highlight';
import { sectionAtLine } from '../ui/section-in-view';
import { HitBar } from './hit-bar';
import { LetterHeader } from './letter-header';
import { LetterSection, sectionElementId } from './letter-section';
import { LetterToc } from './letter-toc';

/** Marks to draw: a search's words and phrases, everywhere in one letter. */
export interface LetterHighlight {
  letterId: string;
  terms: HitTerms;
}

/** What the rest of the window may ask of the letter's hits. */
export interface HitNavigator {
  /** Moves to the next (1) or previous (-1) hit; false when the open letter has none. */
  step(delta: 1 | -1): boolean;
}

/** A request to bring a section into view; a new token asks again for the same section. */
export interface ScrollRequest {
  letterId: string;
  sectionIndex: number;
  token: number;
}

interface LetterViewProps {
  letter: StoredLetter | undefined;
  /** True while a chosen letter is loading. */
  loading: boolean;
  emptyMessage: string;
  currentSection: number | null;
  highlight: LetterHighlight | null;
  scrollRequest: ScrollRequest | null;
  onJump: (sectionIndex: number) => void;
  /** The section the reader has scrolled to. */
  onSectionInView: (sectionIndex: number) => void;
  articleRef?: Ref<HTMLElement>;
  hitNavRef?: Ref<HitNavigator>;
  /** Esc in the letter: back to where it was opened from (the search results). */
  onEscape?: () => void;
  /** The header's Print summary button. */
  onPrintSummary?: () => void;
  /** The header's Remove letter button. */
  onRemove?: () => void;
}

/** Scroll events this soon after the view scrolled itself are its own, not the reader's. */
const OWN_SCROLL_MS = 200;

/** Pane 3: the chosen letter, section by section, with a contents bar that stays at the top. */
export function LetterView({
  letter,
  loading,
  emptyMessage,
  currentSection,
  highlight,
  scrollRequest,
  onJump,
  onSectionInView,
  articleRef,
  hitNavRef,
  onEscape,
  onPrintSummary,
  onRemove,
}: LetterViewProps) {
  const scrollerRef = useRef<HTMLElement | null>(null);
  const shownId = useRef<string | null>(null);
  const handledToken = useRef<number | null>(null);
  const ownScrollAt = useRef(0);
  const frame = useRef(0);
  const latestOnSection = useRef(onSectionInView);
  latestOnSection.current = onSectionInView;

  const matcher = useMemo(
    () => (letter && highlight && highlight.letterId === letter.id ? makeHitMatcher(highlight.terms) : null),
    [letter, highlight],
  );
  const hits = useHitNavigator(scrollerRef, letter, matcher);
  useImperativeHandle(hitNavRef, () => ({ step: hits.step }), [hits.step]);

  // A new letter opens at its top, or at the section a search result or the last session asked for.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!letter || !scroller) return;
    const wanted = scrollRequest && scrollRequest.letterId === letter.id && scrollRequest.token !== handledToken.current ? scrollRequest : null;
    if (wanted) {
      handledToken.current = wanted.token;
      const target = scroller.querySelector<HTMLElement>(`#${sectionElementId(wanted.sectionIndex)}`);
      ownScrollAt.current = performance.now();
      if (target) target.scrollIntoView({ block: 'start' });
      // The first section sits under the header: going there means the top of the letter.
      if (!target || wanted.sectionIndex === 0) scroller.scrollTop = 0;
      // The section's first hit is the current one; in a long section it may be far below the heading.
      const first = target ? hits.firstIn(target) : -1;
      if (first >= 0) hits.show(first, false);
      const firstMark = target?.querySelector('mark');
      if (firstMark && firstMark.getBoundingClientRect().bottom > scroller.getBoundingClientRect().bottom - 48) {
        firstMark.scrollIntoView({ block: 'center' });
      }
    } else if (shownId.current !== letter.id) {
      ownScrollAt.current = performance.now();
      scroller.scrollTop = 0;
    }
    shownId.current = letter.id;
    // `hits` is left out on purpose: stepping to another hit must not scroll back to the section.
  }, [letter, scrollRequest]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  function handleScroll(): void {
    if (performance.now() - ownScrollAt.current < OWN_SCROLL_MS) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const sections = [...scroller.querySelectorAll<HTMLElement>('.letter-section')];
      if (sections.length === 0) return;
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      const top = scroller.getBoundingClientRect().top;
      const toc = scroller.querySelector<HTMLElement>('.letter-toc');
      const line = (toc ? toc.getBoundingClientRect().height : 0) + 24;
      const index = atBottom ? sections.length - 1 : sectionAtLine(sections.map((s) => s.getBoundingClientRect().top - top), line);
      latestOnSection.current(index ?? 0);
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  }

  function setRefs(element: HTMLElement | null): void {
    scrollerRef.current = element;
    if (typeof articleRef === 'function') articleRef(element);
    else if (articleRef) articleRef.current = element;
  }

  const otherFiles = letter ? (letter.files ?? []).filter((file) => file !== letter.sourceFile) : [];

  if (!letter) {
    return (
      <div className="pane pane--letter">
        <div className="letter-empty">
          <p>{loading ? 'Opening the letter…' : emptyMessage}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="pane pane--letter">
      {matcher && <HitBar current={hits.current} count={hits.count} onStep={hits.step} />}
      <article ref={setRefs} className="letter-scroll" aria-label="Letter" tabIndex={0} onScroll={handleScroll} onKeyDown={handleKeyDown}>
        <div className="letter-page">
          <LetterHeader letter={letter} onPrintSummary={onPrintSummary} onRemove={onRemove} />
          {letter.sections.length > 1 && <LetterToc sections={letter.sections} current={currentSection} onJump={onJump} />}
          {letter.sections.map((section, i) => (
            <LetterSection key={i} section={section} index={i} matcher={matcher} />
          ))}
          <p className="letter-source">
            Imported from <code>{letter.sourceFile}</code>
            {letter.pageCount !== undefined && ` (a PDF of ${letter.pageCount === 1 ? 'one page' : `${letter.pageCount} pages`})`}
            {otherFiles.length > 0 && (
              <>
                . The same letter is also in{' '}
                {otherFiles.map((file, i) => (
                  <span key={file}>
                    {i > 0 && (i === otherFiles.length - 1 ? ' and ' : ', ')}
                    <code>{file}</code>
                  </span>
                ))}
              </>
            )}
            .
          </p>
        </div>
      </article>
    </div>
  );
}
