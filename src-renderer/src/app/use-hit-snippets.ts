import { useEffect, useRef, useState } from 'react';
import { getLetter } from '../archive/repository';
import type { SearchHit, StoredLetter } from '../archive/types';
import { hitKey } from '../components/search-results';
import { makeSnippet, sectionPlainText, type Snippet } from '../ui/snippet';

/** Snippets are made for the first results only: the rest are far down the list. */
const SNIPPET_LIMIT = 60;
/** Letters kept for snippets between searches; a letter's id is its content, so none goes stale. */
const CACHE_LIMIT = 300;

/** An excerpt of each result's section around the words found, keyed by `hitKey`. */
export function useHitSnippets(hits: SearchHit[] | undefined): Map<string, Snippet> {
  const [snippets, setSnippets] = useState<Map<string, Snippet>>(() => new Map());
  const cache = useRef(new Map<string, StoredLetter | null>());

  useEffect(() => {
    const wanted = (hits ?? []).slice(0, SNIPPET_LIMIT);
    if (wanted.length === 0) {
      setSnippets(new Map());
      return;
    }
    let live = true;
    (async () => {
      const missing = [...new Set(wanted.map((h) => h.letterId))].filter((id) => !cache.current.has(id));
      if (cache.current.size + missing.length > CACHE_LIMIT) cache.current.clear();
      const loaded = await Promise.all(missing.map((id) => getLetter(id)));
      missing.forEach((id, i) => cache.current.set(id, loaded[i] ?? null));
      if (!live) return;
      const next = new Map<string, Snippet>();
      for (const hit of wanted) {
        const section = cache.current.get(hit.letterId)?.sections[hit.sectionIndex];
        const snippet = section ? makeSnippet(sectionPlainText(section), hit.terms) : null;
        if (snippet) next.set(hitKey(hit), snippet);
      }
      setSnippets(next);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [hits]);

  return snippets;
}
