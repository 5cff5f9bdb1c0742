import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { stepHit } from '../ui/search-display';

/**
 * The `<mark>`s drawn in a container, in reading order, and which of them is current.
 * The current one carries `data-current`, which the marks' renderer knows nothing of:
 * it is a place in the reading, not part of the text. `marksVersion` changes whenever
 * the marks may have been drawn afresh (another letter, another search).
 */
export function useHitNavigator(containerRef: RefObject<HTMLElement | null>, ...marksVersion: unknown[]) {
  const marks = useRef<HTMLElement[]>([]);
  const [count, setCount] = useState(0);
  const [current, setCurrent] = useState(-1);

  useLayoutEffect(() => {
    const found = [...(containerRef.current?.querySelectorAll<HTMLElement>('mark') ?? [])];
    marks.current = found;
    setCount(found.length);
    setCurrent(-1);
  }, marksVersion);

  useLayoutEffect(() => {
    const mark = marks.current[current];
    if (!mark) return;
    mark.setAttribute('data-current', '');
    return () => mark.removeAttribute('data-current');
  }, [current, count]);

  /** Makes hit `index` current, and scrolls it to the middle of the view unless told not to. */
  const show = useCallback((index: number, scroll = true) => {
    const mark = marks.current[index];
    if (!mark) return;
    setCurrent(index);
    if (scroll) mark.scrollIntoView({ block: 'center' });
  }, []);

  /** The first hit inside `element`, or -1. */
  const firstIn = useCallback((element: Element) => marks.current.findIndex((m) => element.contains(m)), []);

  /** Moves to the next (1) or previous (-1) hit, round at the ends; false when there is none. */
  const step = useCallback(
    (delta: number): boolean => {
      const to = stepHit(current, marks.current.length, delta);
      if (to < 0) return false;
      show(to);
      return true;
    },
    [current, show],
  );

  return { count, current, show, firstIn, step };
}
