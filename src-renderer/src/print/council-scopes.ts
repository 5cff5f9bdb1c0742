/** The narrower sets of councils the archive summary can cover: those of the search, those of the filter. */
import type { CouncilRow } from '../archive/types';
import type { SearchResponse } from '../search/search-types';
import { filterCouncils } from '../ui/council-order';
import type { CouncilScope } from './print-types';

/** The councils of the current search's results and of the councils pane's filter, when either narrows the list. */
export function councilScopes(
  search: { query: string; response: SearchResponse | null } | null,
  filter: string,
  councils: readonly CouncilRow[] | undefined,
): CouncilScope[] {
  const scopes: CouncilScope[] = [];
  const response = search?.response;
  if (search && response && search.query.trim() !== '') {
    scopes.push({
      id: 'search',
      label: 'Councils in the current search',
      description: `Councils with letters matching the search “${response.query}”`,
      keys: response.councilKeys,
    });
  }
  if (councils && filter.trim() !== '') {
    const shown = filterCouncils(councils, filter);
    if (shown.length < councils.length) {
      scopes.push({
        id: 'filter',
        label: 'Councils in the council filter',
        description: `Councils matching the filter “${filter.trim()}”`,
        keys: shown.map((c) => c.key),
      });
    }
  }
  return scopes;
}
