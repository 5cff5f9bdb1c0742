import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChecksView } from './analysis/checks-view';
import { CompareView } from './analysis/compare-view';
import { CouncilTabs, type CouncilTab } from './analysis/council-tabs';
import { ExportArchiveDialog, type ExportStart } from './analysis/export-archive-dialog';
import { GradesOverTime } from './analysis/grades-over-time';
import { PointsRaised } from './analysis/points-raised';
import { useArchiveCounts, useCouncils, useGradesOf, useLetter, useLettersOf, useTicksOf } from './archive/hooks';
import { useAppCommands } from './app/use-app-commands';
import { useRemovals } from './app/use-removals';
import { removeCouncilLetters, removeImport, removeLetters, removeSampleLetters } from './archive/repository';
import type { CouncilRow, ImportReport as ImportReportData, StoredLetter } from './archive/types';
import { UndoToast } from './components/undo-toast';
import { WhileShown } from './components/while-shown';
import { councilLabel, importLabel, lettersLabel } from './ui/removal-labels';
import { useImportActions } from './app/use-import-actions';
import { useReread } from './app/use-reread';
import { usePaneWidths } from './app/use-pane-widths';
import { EMPTY_SELECTION, useSavedSelection } from './app/use-saved-selection';
import { RESULT_PAGE_LETTERS, useSearch } from './app/use-search';
import { useSearchHistory } from './app/use-search-history';
import { CouncilPane } from './components/council-pane';
import { DropZone } from './components/drop-zone';
import { ImportBar } from './components/import-bar';
import { ImportProgress } from './components/import-progress';
import { ImportReport } from './components/import-report';
import { LetterView, type HitNavigator, type LetterHighlight, type ScrollRequest } from './components/letter-view';
import { LettersPane } from './components/letters-pane';
import { PaneSplitter } from './components/pane-splitter';
import { CollapsiblePane } from './components/collapsible-pane';
import { councilScopes } from './print/council-scopes';
import { PrintPreview } from './print/print-preview';
import type { ComparePrint, PreviewRequest, SummaryKind } from './print/print-types';
import { ReportsDialog } from './components/reports-dialog';
import { RereadProgress } from './components/reread-progress';
import { SampleNotice } from './components/sample-notice';
import type { ResultChoice } from './components/result-list';
import { SearchBox } from './components/search-box';
import { SearchResults } from './components/search-results';
import { StatusMessage } from './components/status-message';
import { warmUpSearch } from './search/search-client';
import type { FacetValue, SearchResponse } from './search/search-types';
import { countOf } from './ui/format';
import { appendFilter, hasFilter, removeFilter } from './ui/query-edit';
import { flattenResults, resultKey } from './ui/search-display';
import { paneColumns } from './ui/pane-widths';

const NO_LETTERS = 'No letters yet. Import a folder of letters, or drop one here.';

/** A search shown this long without the query changing goes into the recent searches. */
const REMEMBER_AFTER_MS = 2500;

/** Frames to wait for something to focus: a council's letters or a letter may still be loading. */
const FOCUS_WAIT_FRAMES = 60;

/** Whether two answers are the same search's, the one perhaps with more letters shown ("Show more" keeps the rest). */
function isSameAnswer(a: SearchResponse | null | undefined, b: SearchResponse | null): boolean {
  return !!a && !!b && a.highlight === b.highlight;
}

/** Focuses what `find` finds as soon as it is there (within about a second). */
function focusWhenReady(find: () => HTMLElement | null | undefined, frames = FOCUS_WAIT_FRAMES): void {
  requestAnimationFrame(() => {
    const element = find();
    if (element) element.focus({ preventScroll: element.matches('article') });
    else if (frames > 0) focusWhenReady(find, frames - 1);
  });
}

/** Focuses the chosen item of a pane's list (its one Tab stop). */
function focusListIn(selector: string): void {
  focusWhenReady(() => document.querySelector<HTMLElement>(`${selector} [role="option"][aria-selected="true"]`));
}

/** The attributes of a view in the window's one place for views: shown, or away (laid out, but skipped, inert and hidden from screen readers). */
function awayUnless(shown: boolean, className: string): { className: string; inert?: boolean; 'aria-hidden'?: boolean } {
  return shown ? { className } : { className: `${className} app-view--away`, inert: true, 'aria-hidden': true };
}

/** The whole window: header, notices, and the three panes. */
export function App() {
  const councils = useCouncils();
  const counts = useArchiveCounts();
  const { selection, setSelection, restored } = useSavedSelection();
  const letters = useLettersOf(selection.councilKey);
  const loadedLetter = useLetter(selection.letterId);
  // While a newly chosen letter loads, the hook may still hold the one before it.
  const letter = loadedLetter?.id === selection.letterId ? loadedLetter : undefined;
  const { widths, resize, collapsed, setCollapsed, reset } = usePaneWidths();
  const actions = useImportActions();
  const reread = useReread();
  const removals = useRemovals();

  const [query, setQuery] = useState('');
  const { search, showMore } = useSearch(query, counts?.letters);
  // A search shows its results in the letters pane: a collapsed one opens for them.
  const searching = Boolean(search);
  useEffect(() => {
    if (searching) setCollapsed('letters', false);
  }, [searching, setCollapsed]);
  const response = search?.response ?? null;
  const history = useSearchHistory();
  /** The result shown in the letter pane, and the answer it came from. */
  const [opened, setOpened] = useState<{ key: string; from: SearchResponse } | null>(null);
  const [highlight, setHighlight] = useState<LetterHighlight | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [preview, setPreview] = useState<PreviewRequest | null>(null);
  /** Mirrors `preview` at once, for menu commands that come before the next render. */
  const previewOpen = useRef(false);
  /** The councils pane's filter, so the archive summary can offer just those councils. */
  const [councilFilter, setCouncilFilter] = useState('');
  /** The three panes, or one of the views over the whole archive. */
  const [view, setView] = useState<'reader' | 'compare' | 'checks'>('reader');
  /** The views over the archive opened so far. */
  const [viewsOpened, setViewsOpened] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (view !== 'reader' && !viewsOpened.has(view)) setViewsOpened(new Set([...viewsOpened, view]));
  }, [view, viewsOpened]);
  /** What the third pane shows of the chosen council. */
  const [councilTab, setCouncilTab] = useState<CouncilTab>('letter');
  /** The export dialog: open (true), or opened by a menu command at its part. */
  const [exporting, setExporting] = useState<boolean | ExportStart>(false);
  const councilGrades = useGradesOf(councilTab === 'grades' ? selection.councilKey : null);

  const searchRef = useRef<HTMLInputElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const hitNavRef = useRef<HitNavigator>(null);
  const openNewest = useRef(false);
  const scrollToken = useRef(0);
  /** The query Enter was pressed on in the search box before its answer came. */
  const enterPending = useRef<string | null>(null);

  const askScroll = useCallback((letterId: string, sectionIndex: number) => {
    scrollToken.current += 1;
    setScrollRequest({ letterId, sectionIndex, token: scrollToken.current });
  }, []);

  // Loading the search index takes a moment: start it now, not at the first keystroke.
  useEffect(() => warmUpSearch(), []);

  // The last session's section comes back into view once its letter has loaded.
  useEffect(() => {
    if (restored?.letterId && restored.sectionIndex !== null) askScroll(restored.letterId, restored.sectionIndex);
  }, [restored, askScroll]);

  // Letters lag a moment behind a newly chosen council; only trust them when they match it.
  const lettersOfChosen = letters && (letters.length === 0 || letters[0]?.councilKey === selection.councilKey) ? letters : undefined;
  const council = councils?.find((c) => c.key === selection.councilKey);
  const chosenLetterIds = useMemo(() => lettersOfChosen?.map((l) => l.id), [lettersOfChosen]);
  const councilTicks = useTicksOf(councilTab === 'points' ? chosenLetterIds : undefined);

  // A council or letter that has gone (sample letters removed) is no longer chosen.
  useEffect(() => {
    if (councils && selection.councilKey !== null && !councils.some((c) => c.key === selection.councilKey)) {
      setSelection(EMPTY_SELECTION);
    }
  }, [councils, selection.councilKey, setSelection]);
  useEffect(() => {
    if (!lettersOfChosen || lettersOfChosen.length === 0 || letter) return;
    if (selection.letterId !== null && !lettersOfChosen.some((l) => l.id === selection.letterId)) {
      setSelection((s) => ({ ...s, letterId: null, sectionIndex: null }));
    }
  }, [lettersOfChosen, letter, selection.letterId, setSelection]);

  // Choosing a council opens its newest letter.
  useEffect(() => {
    const newest = lettersOfChosen?.[0];
    if (!openNewest.current || !newest) return;
    openNewest.current = false;
    setSelection((s) => (s.councilKey === newest.councilKey && s.letterId === null ? { ...s, letterId: newest.id, sectionIndex: null } : s));
  }, [lettersOfChosen, setSelection]);

  function chooseCouncil(key: string): void {
    if (key === selection.councilKey) return;
    openNewest.current = true;
    setSelection({ councilKey: key, letterId: null, sectionIndex: null });
  }
  function chooseLetter(id: string): void {
    setCouncilTab('letter');
    if (id === selection.letterId) return;
    setSelection((s) => ({ ...s, letterId: id, sectionIndex: null }));
  }
  /**
   * From a view over the archive or the council: a letter opens at its section in the reader;
   * a council with no letter named opens on its grades over time.
   */
  function openFromView(councilKey: string, letterId: string | null, sectionIndex: number | null): void {
    setView('reader');
    if (letterId === null) {
      if (councilKey !== selection.councilKey) chooseCouncil(councilKey);
      setCouncilTab('grades');
      return;
    }
    openNewest.current = false;
    setCouncilTab('letter');
    setSelection({ councilKey, letterId, sectionIndex });
    if (sectionIndex !== null) askScroll(letterId, sectionIndex);
    focusLetter();
  }
  function openResult({ letter: result, section }: ResultChoice, from: SearchResponse): void {
    openNewest.current = false;
    setOpened({ key: resultKey(result.letterId, section.sectionIndex), from });
    setSelection({ councilKey: result.councilKey, letterId: result.letterId, sectionIndex: section.sectionIndex });
    // The same answer keeps the same highlight, so the letter's marks are not drawn again.
    setHighlight((h) => (h && h.letterId === result.letterId && h.terms === from.highlight ? h : { letterId: result.letterId, terms: from.highlight }));
    askScroll(result.letterId, section.sectionIndex);
    history.remember(from.query);
  }
  function openFirstResult(): void {
    const first = response ? flattenResults(response.letters)[0] : undefined;
    if (response && first) openResult(first, response);
  }
  function focusLetter(): void {
    focusWhenReady(() => articleRef.current);
  }
  /** Down arrow in the search box: into the results, at the one open or the first. */
  function enterResults(): void {
    if (!response) return;
    const rows = flattenResults(response.letters);
    const row = rows.find((r) => r.key === opened?.key) ?? rows[0];
    if (!row) return;
    openResult(row, response);
    focusListIn('.pane--results');
  }
  /** Enter in the search box: open the first result, then go from hit to hit. */
  function enterInSearch(backwards: boolean): void {
    if (search?.status !== 'done' || search.query !== query) {
      enterPending.current = query.trim();
      return;
    }
    const sameAnswer = isSameAnswer(opened?.from, response);
    if (sameAnswer && hitNavRef.current?.step(backwards ? -1 : 1)) return;
    if (!sameAnswer) openFirstResult();
  }
  function clearSearch(): void {
    setQuery('');
    setOpened(null);
    setHighlight(null);
    enterPending.current = null;
  }
  /** Typing in the box; emptying it ends the search as Esc does, marks and all. */
  function changeQuery(value: string): void {
    if (value.trim() === '') clearSearch();
    setQuery(value);
  }
  function leaveResults(): void {
    clearSearch();
    focusListIn('.pane--letters');
  }
  function toggleFacet(value: FacetValue): void {
    const next = hasFilter(query, value.filter) ? removeFilter(query, value.filter) : appendFilter(query, value.filter);
    setQuery(next);
    history.remember(next);
  }
  function runQuery(q: string): void {
    setQuery(q);
    history.remember(q);
  }
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);
  function jumpToSection(index: number): void {
    if (!selection.letterId) return;
    setSelection((s) => ({ ...s, sectionIndex: index }));
    askScroll(selection.letterId, index);
  }
  const sectionInView = useCallback(
    (index: number) => setSelection((s) => (s.sectionIndex === index ? s : { ...s, sectionIndex: index })),
    [setSelection],
  );

  // A search whose results stay on screen a while is worth offering again, even if none was opened.
  const settledQuery = search?.status === 'done' && (response?.letters.length ?? 0) > 0 ? search.query : null;
  const { remember } = history;
  useEffect(() => {
    if (settledQuery === null) return;
    const timer = setTimeout(() => remember(settledQuery), REMEMBER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [settledQuery, remember]);

  // Enter pressed before the answer came: act on it once the answer is here.
  useEffect(() => {
    if (enterPending.current === null || search?.status !== 'done' || search.query !== query) return;
    if (enterPending.current === query.trim()) openFirstResult();
    enterPending.current = null;
  });

  /** Opens the print preview: of the given summary, or of the most specific thing selected. */
  function openPreview(kind?: SummaryKind, saveAtOnce = false, compare?: ComparePrint): void {
    previewOpen.current = true;
    const chosen = kind ?? (view === 'compare' && comparePrint.current ? 'compare' : letter ? 'letter' : council ? 'council' : 'archive');
    setPreview({ kind: chosen, saveRequests: saveAtOnce ? 1 : 0, printRequests: 0, compare: compare ?? (view === 'compare' ? comparePrint.current : undefined) });
  }
  /** The compare grid as last drawn, for the menu's Print… while Compare is open. */
  const comparePrint = useRef<ComparePrint | undefined>(undefined);
  function closePreview(): void {
    previewOpen.current = false;
    setPreview(null);
  }

  /** Removes letters of the chosen council; the letter open, if it goes, gives way to its neighbour. */
  function removeChosenLetters(list: StoredLetter[]): void {
    if (list.length === 0) return;
    const ids = new Set(list.map((l) => l.id));
    const fromList = document.activeElement?.closest('.pane--letters') != null;
    if (lettersOfChosen?.every((l) => ids.has(l.id))) {
      // The council goes with its last letters: the one after it in the list is chosen instead.
      const at = councils?.findIndex((c) => c.key === selection.councilKey) ?? -1;
      const nextCouncil = councils?.[at + 1] ?? councils?.[at - 1];
      if (nextCouncil) chooseCouncil(nextCouncil.key);
      else setSelection(EMPTY_SELECTION);
    } else if (selection.letterId !== null && ids.has(selection.letterId) && lettersOfChosen) {
      const at = lettersOfChosen.findIndex((l) => l.id === selection.letterId);
      const next = [...lettersOfChosen.slice(at + 1), ...lettersOfChosen.slice(0, Math.max(at, 0)).reverse()].find((l) => !ids.has(l.id));
      setSelection((s) => ({ ...s, letterId: next?.id ?? null, sectionIndex: null }));
    }
    removals.remove(() => removeLetters([...ids], lettersLabel(list)));
    if (fromList) focusListIn('.pane--letters');
  }
  /** Removes all of a council's letters; the council shown after it is chosen instead. */
  function removeCouncil(gone: CouncilRow, next: CouncilRow | undefined): void {
    const fromList = document.activeElement?.closest('.pane--councils') != null;
    if (gone.key === selection.councilKey) {
      if (next) chooseCouncil(next.key);
      else setSelection(EMPTY_SELECTION);
    }
    removals.remove(() => removeCouncilLetters(gone.key, (letters) => councilLabel({ displayName: gone.displayName, letterCount: letters })));
    if (fromList && next) focusListIn('.pane--councils');
  }
  function removeImportOf(report: ImportReportData): void {
    const id = report.id;
    if (id === undefined) return;
    removals.remove(() => removeImport(id, (letters) => importLabel(report.source, letters)));
  }
  function removeSamples(): void {
    removals.remove(removeSampleLetters);
  }

  const councilScopesNow = useMemo(() => councilScopes(search, councilFilter, councils), [search, councilFilter, councils]);
  const searchScope = councilScopesNow.find((s) => s.id === 'search');

  useAppCommands({
    focusSearch,
    // Not while the export dialog is open: an import must not run under a restore.
    importFolder: () => !exporting && actions.importFolder(),
    print: (action) => {
      if (!previewOpen.current) openPreview(undefined, action === 'save-pdf');
      else if (action === 'save-pdf') setPreview((p) => p && { ...p, saveRequests: p.saveRequests + 1 });
      else if (action === 'print') setPreview((p) => p && { ...p, printRequests: p.printRequests + 1 });
    },
    printPreviewOpen: () => previewOpen.current,
    stepHit: (delta) => void hitNavRef.current?.step(delta),
    // One archive dialog at a time (a restore under way must not be unmounted), and no restore under an import.
    archiveFile: (start) => !exporting && !(start === 'restore' && actions.refuseWhileImporting()) && setExporting(start),
    undo: removals.undo,
  });

  const archiveEmpty = counts?.letters === 0;
  const emptyMessage = archiveEmpty
    ? actions.run
      ? 'The letters will appear here as they are read.'
      : NO_LETTERS
    : search
      ? 'Choose a result to read its letter here.'
      : !council
        ? 'Choose a council, then one of its letters, to read it here.'
        : 'Choose a letter to read it here.';

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">
          <svg className="app-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="3" y="5" width="18" height="14" rx="2" />
            <path d="M3.5 6.5l8.5 6 8.5-6" />
          </svg>
          <span className="app-name-text">Letter Archive</span>
        </h1>
        <SearchBox
          inputRef={searchRef}
          value={query}
          onChange={changeQuery}
          onClear={clearSearch}
          onEnterResults={enterResults}
          onEnter={enterInSearch}
          errors={search && response ? response.parsed.errors : []}
          recent={history.recent}
          saved={history.saved}
          onRun={runQuery}
          onRemoveSaved={history.remove}
        />
        <p className="archive-counts">
          {counts && counts.letters > 0 && (
            <>
              <span className="archive-count">{countOf(counts.letters, 'letter')}</span>
              <span className="archive-count-separator"> · </span>
              <span className="archive-count">{countOf(counts.councils, 'council')}</span>
            </>
          )}
        </p>
        <nav className="view-nav" aria-label="Views">
          <button type="button" className="button" aria-pressed={view === 'compare'} onClick={() => setView((v) => (v === 'compare' ? 'reader' : 'compare'))}>
            Compare
          </button>
          <button type="button" className="button" aria-pressed={view === 'checks'} onClick={() => setView((v) => (v === 'checks' ? 'reader' : 'checks'))}>
            Checks
          </button>
        </nav>
        <ImportBar
          hasBridge={actions.hasBridge}
          importing={actions.run !== null}
          onImportFolder={actions.importFolder}
          onFilesChosen={actions.importFiles}
          onShowReports={actions.showReports}
          onExport={() => setExporting(true)}
        />
      </header>

      {actions.run && <ImportProgress label={actions.run.label} progress={actions.run.progress} onCancel={actions.cancel} />}
      {actions.showSampleNotice && (counts?.samples ?? 0) > 0 && (
        <SampleNotice count={counts?.samples ?? 0} onRemove={removeSamples} onDismiss={actions.dismissSampleNotice} />
      )}
      {actions.message && <StatusMessage message={actions.message} onDismiss={actions.clearMessage} />}
      {reread.progress && <RereadProgress progress={reread.progress} />}
      {reread.message && <StatusMessage message={reread.message} onDismiss={reread.clearMessage} />}

      {/*
        The panes and, once opened, each view over the archive share one place; those not shown
        stay laid out but skipped (see .app-view--away), so that each comes back at once, as it was.
      */}
      <div className="app-views">
      {(view === 'compare' || viewsOpened.has('compare')) && (
        <main {...awayUnless(view === 'compare', 'analysis-main')}>
          <WhileShown shown={view === 'compare'}>
            <CompareView
              active={view === 'compare'}
              councils={councils}
              chosenKey={selection.councilKey}
              search={searchScope ? { keys: searchScope.keys, label: searchScope.description } : null}
              onOpen={openFromView}
              onShown={(print) => (comparePrint.current = print)}
              onPrint={(print) => openPreview('compare', false, print)}
              onClose={() => setView('reader')}
            />
          </WhileShown>
        </main>
      )}
      {(view === 'checks' || viewsOpened.has('checks')) && (
        <main {...awayUnless(view === 'checks', 'analysis-main')}>
          <WhileShown shown={view === 'checks'}>
            <ChecksView active={view === 'checks'} councils={councils} onOpen={openFromView} onClose={() => setView('reader')} />
          </WhileShown>
        </main>
      )}
      <main
        {...awayUnless(view === 'reader', 'panes')}
        style={{ gridTemplateColumns: paneColumns(widths, collapsed) }}
      >
        <CollapsiblePane id="pane-councils" name="councils" stripLabel="Councils" collapsed={collapsed.councils} onToggle={() => setCollapsed('councils', !collapsed.councils)}>
          <CouncilPane
            councils={councils}
            selectedKey={selection.councilKey}
            onSelect={chooseCouncil}
            onActivate={() => focusListIn('.pane--letters')}
            onFilterChange={setCouncilFilter}
            onPrintSummary={() => openPreview(council ? 'council' : 'archive')}
            onRemoveCouncil={removeCouncil}
          />
        </CollapsiblePane>
        <PaneSplitter
          label="Resize the councils pane"
          controls="pane-councils"
          width={widths.councils}
          onResize={(w) => resize('councils', w)}
          collapsed={collapsed.councils}
          onToggle={() => setCollapsed('councils', !collapsed.councils)}
          onReset={() => reset('councils')}
        />
        <CollapsiblePane
          id="pane-letters"
          name="letters"
          stripLabel={search ? 'Search results' : 'Letters'}
          collapsed={collapsed.letters}
          onToggle={() => setCollapsed('letters', !collapsed.letters)}
        >
          {search ? (
            <SearchResults
              search={search}
              pageLetters={RESULT_PAGE_LETTERS}
              onShowMore={showMore}
              selectedKey={opened?.key ?? null}
              onSelect={(choice) => response && openResult(choice, response)}
              onActivate={(choice) => {
                if (!response) return;
                openResult(choice, response);
                focusLetter();
              }}
              onBack={leaveResults}
              onFacet={toggleFacet}
              onSave={(name) => history.save(name, query)}
            />
          ) : (
            <LettersPane
              council={council}
              letters={lettersOfChosen}
              selectedId={selection.letterId}
              onSelect={chooseLetter}
              onActivate={focusLetter}
              onRemove={removeChosenLetters}
            />
          )}
        </CollapsiblePane>
        <PaneSplitter
          label="Resize the letters pane"
          controls="pane-letters"
          width={widths.letters}
          onResize={(w) => resize('letters', w)}
          collapsed={collapsed.letters}
          onToggle={() => setCollapsed('letters', !collapsed.letters)}
          onReset={() => reset('letters')}
        />
        <div id="pane-letter" className="pane-slot pane-slot--tabbed">
          {council && <CouncilTabs tab={councilTab} onChange={setCouncilTab} panelId="council-panel" />}
          <div id="council-panel" className="pane-slot" role={council ? 'tabpanel' : undefined} aria-labelledby={council ? `council-tab-${councilTab}` : undefined}>
            {council && councilTab === 'grades' ? (
              <GradesOverTime council={council.displayName} grades={councilGrades} onOpen={(id, section) => openFromView(council.key, id, section)} />
            ) : council && councilTab === 'points' ? (
              <PointsRaised
                councilKey={council.key}
                council={council.displayName}
                letters={lettersOfChosen}
                ticks={councilTicks}
                onOpen={(id, section) => openFromView(council.key, id, section)}
              />
            ) : (
              <LetterView
                letter={letter}
                loading={selection.letterId !== null && letter === undefined}
                emptyMessage={emptyMessage}
                currentSection={selection.sectionIndex}
                highlight={highlight}
                scrollRequest={scrollRequest}
                onJump={jumpToSection}
                onSectionInView={sectionInView}
                articleRef={articleRef}
                hitNavRef={hitNavRef}
                onEscape={search ? () => focusListIn('.pane--results') : undefined}
                onPrintSummary={() => openPreview('letter')}
                onRemove={letter ? () => removeChosenLetters([letter]) : undefined}
              />
            )}
          </div>
        </div>
      </main>
      </div>

      <DropZone onDrop={actions.importDropped} />
      {actions.shownReport && (
        <ImportReport report={actions.shownReport} onClose={actions.closeReport} onRemoveImport={() => actions.shownReport && removeImportOf(actions.shownReport)} />
      )}
      <UndoToast toast={removals.toast} onUndo={removals.undo} onDismiss={removals.dismiss} />
      {exporting && (
        <ExportArchiveDialog
          key={String(exporting)}
          start={exporting === true ? undefined : exporting}
          importing={actions.run !== null}
          onClose={() => setExporting(false)}
        />
      )}
      {actions.reportsOpen && <ReportsDialog onOpen={actions.openReport} onClose={actions.closeReports} />}
      {preview && (
        <PrintPreview
          request={preview}
          letter={letter}
          hasCouncil={council !== undefined}
          councilLetters={council ? lettersOfChosen : undefined}
          scopes={councilScopesNow}
          onClose={closePreview}
        />
      )}
    </div>
  );
}
