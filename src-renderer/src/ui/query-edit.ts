/** Changes to the text of a query made by the UI, such as a facet adding its filter. */

/** The query's tokens, with quoted stretches kept whole: `region:"west midlands"` is one. */
function tokens(query: string): string[] {
  return query.match(/(?:[^\s"]+|"[^"]*"?)+/g) ?? [];
}

const normal = (token: string): string => token.toLowerCase();

/** True when `filter` is already one of the query's terms (ignoring case). */
export function hasFilter(query: string, filter: string): boolean {
  const wanted = normal(filter.trim());
  return tokens(query).some((t) => normal(t) === wanted);
}

/** The query with `filter` added at its end, once. */
export function appendFilter(query: string, filter: string): string {
  const f = filter.trim();
  if (f === '' || hasFilter(query, f)) return query;
  const q = query.trimEnd();
  return q === '' ? f : `${q} ${f}`;
}

/** The query without `filter` (every copy of it), the rest as it was typed. */
export function removeFilter(query: string, filter: string): string {
  const wanted = normal(filter.trim());
  return tokens(query)
    .filter((t) => normal(t) !== wanted)
    .join(' ');
}
