import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getReport, getSetting, setSetting } from '../archive/repository';
import { bridgeSource, droppedItemsSource, fileListSource } from '../archive/sources';
import type { ImportReport, ReportRow } from '../archive/types';
import type { Message } from '../components/status-message';
import { getBridge } from '../ui/get-bridge';
import { useFirstRun } from './use-first-run';
import { useImporter } from './use-importer';

const NOTICE_DISMISSED_KEY = 'sampleNoticeDismissed';

/**
 * Everything about getting letters in and out: the folder dialog or picker, dropped files,
 * the first run's sample letters, the import report and past reports, and the messages
 * these leave for the person.
 */
export function useImportActions() {
  const bridge = useMemo(getBridge, []);
  const [message, setMessage] = useState<Message | null>(null);
  const [shownReport, setShownReport] = useState<ImportReport | null>(null);
  const [reportsOpen, setReportsOpen] = useState(false);
  /** Counts requests to open a report, so that an answer to an older one is ignored. */
  const reportAsked = useRef(0);
  const [noticeDismissed, setNoticeDismissed] = useState<boolean | null>(null);

  const { run, start, cancel } = useImporter({
    onFinished: ({ report, sample }) => {
      // The first run's samples get a notice, not a report to close (their folder's SOURCE.md
      // is not a letter, which would only alarm); their report is still under Reports.
      if (!sample) setShownReport(report);
    },
    onFailed: (text, cancelled) => setMessage({ text, tone: cancelled ? 'info' : 'error' }),
  });

  const showError = useCallback((text: string) => setMessage({ text, tone: 'error' }), []);
  useFirstRun(start, showError);

  useEffect(() => {
    let live = true;
    getSetting<boolean>(NOTICE_DISMISSED_KEY)
      .then((v) => live && setNoticeDismissed(v === true))
      .catch(() => live && setNoticeDismissed(false));
    return () => {
      live = false;
    };
  }, []);

  const busy = useCallback((): boolean => {
    if (run === null) return false;
    setMessage({ text: 'An import is already running. Wait for it to finish, or cancel it, then try again.', tone: 'info' });
    return true;
  }, [run]);

  const importFolder = useCallback(() => {
    if (!bridge || busy()) return;
    setMessage(null);
    void start(async () => {
      const root = await bridge.chooseFolder();
      return root ? bridgeSource(bridge, root) : null;
    });
  }, [bridge, busy, start]);

  const importFiles = useCallback(
    (files: File[], label: string) => {
      if (busy()) return;
      setMessage(null);
      void start(async () => fileListSource(files, label));
    },
    [busy, start],
  );

  const importDropped = useCallback(
    (entries: FileSystemEntry[], files: File[]) => {
      if (busy()) return;
      setMessage(null);
      void start(async () => (entries.length > 0 ? droppedItemsSource(entries) : fileListSource(files, 'Dropped files')));
    },
    [busy, start],
  );

  const dismissSampleNotice = useCallback(() => {
    setNoticeDismissed(true);
    void setSetting(NOTICE_DISMISSED_KEY, true).catch(() => undefined);
  }, []);

  return {
    hasBridge: bridge !== undefined,
    run,
    cancel,
    importFolder,
    importFiles,
    importDropped,
    /** True, and says so, when an import is running: for work that must not overlap one (a restore). */
    refuseWhileImporting: busy,
    message,
    clearMessage: useCallback(() => setMessage(null), []),
    shownReport,
    closeReport: useCallback(() => setShownReport(null), []),
    reportsOpen,
    showReports: useCallback(() => setReportsOpen(true), []),
    closeReports: useCallback(() => {
      reportAsked.current++;
      setReportsOpen(false);
    }, []),
    openReport: useCallback((row: ReportRow) => {
      // The list holds each report's counts; the files it names are read when it is opened.
      // Only the report asked for last is shown, should an earlier one be slower to read.
      const asked = ++reportAsked.current;
      getReport(row.id!).then(
        (report) => {
          if (asked !== reportAsked.current) return;
          if (!report) {
            setMessage({ text: 'That import report is no longer in the archive.', tone: 'error' });
            return;
          }
          setReportsOpen(false);
          setShownReport(report);
        },
        (error: unknown) => setMessage({ text: `The import report could not be read: ${error instanceof Error ? error.message : String(error)}.`, tone: 'error' }),
      );
    }, []),
    /** False while the samples are still coming in, and once the person has dismissed it. */
    showSampleNotice: noticeDismissed === false && run?.label !== 'Sample letters',
    dismissSampleNotice,
  };
}
