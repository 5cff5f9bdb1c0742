/** Checks: what the archive knows it does not know, each line opening what it is about. */
import { useMemo } from 'react';
import { archiveChecks, CHECK_KINDS } from '../../../src-shared/analysis/checks';
import { checksTable } from '../../../src-shared/analysis/tables';
import { countText } from '../../../src-shared/letters/letter-words';
import { useAllGrades } from '../archive/hooks';
import type { CouncilRow } from '../archive/types';
import { ExportButton } from './export-button';
import { useViewKeyboard } from './use-view-keyboard';

interface ChecksViewProps {
  councils: CouncilRow[] | undefined;
  onOpen: (councilKey: string, letterId: string | null, sectionIndex: number | null) => void;
  onClose: () => void;
  /** False while hidden, kept for its next opening: it then reads nothing. */
  active: boolean;
}

export function ChecksView({ councils, onOpen, onClose, active }: ChecksViewProps) {
  const grades = useAllGrades(active);
  const checks = useMemo(
    () => (grades && councils ? archiveChecks(grades, councils.map((c) => ({ key: c.key, name: c.displayName, region: c.region, code: c.code }))) : null),
    [grades, councils],
  );

  const keyboard = useViewKeyboard(active, onClose);

  return (
    <section ref={keyboard.ref} className="pane analysis-view" aria-label="Checks" tabIndex={-1} onKeyDown={keyboard.onKeyDown}>
      <div className="analysis-toolbar">
        <h2 className="analysis-title">Checks</h2>
        <p className="analysis-toolbar-note">{checks ? (checks.length === 0 ? 'Nothing to check.' : countText(checks.length, 'thing', 'things') + ' to check') : ''}</p>
        <div className="analysis-actions">
          <ExportButton name={['Checks']} table={() => checksTable(checks ?? [])} disabled={!checks} />
          <button type="button" className="button" onClick={onClose}>
            Back to letters
          </button>
        </div>
      </div>
      <div className="analysis-scroll">
        {!checks ? (
          <p className="pane-empty">Loading the grades…</p>
        ) : (
          CHECK_KINDS.map(({ kind, name }) => {
            const lines = checks.filter((c) => c.kind === kind);
            return (
              <section key={kind} className="checks-group" aria-labelledby={`checks-${kind}`}>
                <h3 id={`checks-${kind}`}>
                  {name} <span className="checks-count">{lines.length}</span>
                </h3>
                {lines.length === 0 ? (
                  <p className="analysis-note">None.</p>
                ) : (
                  <ul className="checks-list">
                    {lines.map((line, i) => (
                      <li key={i}>
                        <button type="button" className="checks-line" onClick={() => onOpen(line.councilKey, line.letterId, null)}>
                          <span className="checks-council">{line.council}</span>
                          <span className="checks-text">{line.text}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        )}
      </div>
    </section>
  );
}
