/**
 * Points raised: every recommendation and area for development of the council's letters,
 * grouped by outcome, newest first, marked where a point was raised before; each can be
 * ticked off with a date and a note, which the archive keeps as the person's own.
 */
import { useEffect, useMemo, useState } from 'react';
import { pointsTable } from '../../../src-shared/analysis/tables';
import { ticksByPoint } from '../../../src-shared/analysis/ticks';
import { trackPoints, type TrackedPoint } from '../../../src-shared/analysis/track-points';
import { countText, dateInWords } from '../../../src-shared/letters/letter-words';
import { removeTick, saveTick } from '../archive/repository';
import type { StoredLetter, TickRow } from '../archive/types';
import { ExportButton } from './export-button';

interface PointsRaisedProps {
  councilKey: string;
  council: string;
  /** The council's letters; undefined while they load. */
  letters: StoredLetter[] | undefined;
  ticks: TickRow[] | undefined;
  onOpen: (letterId: string, sectionIndex: number | null) => void;
}

/** "Raised again in 2008, first raised 2006". */
export function repeatText(point: TrackedPoint): string | null {
  if (!point.repeats || !point.firstRaised) return null;
  const again = `Raised again in ${point.year}`;
  return point.firstRaised.year === point.year ? `${again}, raised before in another letter of ${point.year}` : `${again}, first raised ${point.firstRaised.year}`;
}

/** Today's date where the person is, as an ISO date. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function TickEditor({ point, councilKey, tick, describedBy }: { point: TrackedPoint; councilKey: string; tick: TickRow | undefined; describedBy: string }) {
  const [note, setNote] = useState(tick?.note ?? '');
  // Shown at once, before the archive has kept it; the kept tick has the last word when it comes.
  const [ticked, setTicked] = useState(tick !== undefined);
  useEffect(() => setTicked(tick !== undefined), [tick]);
  const save = (changes: Partial<Pick<TickRow, 'note' | 'doneOn'>>) =>
    void saveTick(
      { pointId: tick?.pointId ?? point.pointId, councilKey, letterId: point.letterId, text: point.text, note, doneOn: today(), tickedAt: new Date().toISOString() },
      changes,
    );
  return (
    <div className="point-tick">
      <label>
        <input
          type="checkbox"
          aria-describedby={describedBy}
          checked={ticked}
          onChange={(e) => {
            setTicked(e.target.checked);
            if (e.target.checked) save({});
            else void removeTick(tick?.pointId ?? point.pointId);
          }}
        />{' '}
        Dealt with
      </label>
      {ticked && (
        <>
          <label>
            on <input type="date" aria-describedby={describedBy} value={tick?.doneOn ?? today()} onChange={(e) => e.target.value && save({ doneOn: e.target.value })} />
          </label>
          <input
            type="text"
            aria-label="Note"
            aria-describedby={describedBy}
            placeholder="A note: what was done, where it is recorded"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => note !== tick?.note && save({ note })}
            onKeyDown={(e) => e.key === 'Enter' && note !== tick?.note && save({ note })}
          />
        </>
      )}
    </div>
  );
}

export function PointsRaised({ councilKey, council, letters, ticks, onOpen }: PointsRaisedProps) {
  const groups = useMemo(() => (letters ? trackPoints(letters) : null), [letters]);
  const points = useMemo(() => groups?.flatMap((g) => g.points) ?? [], [groups]);
  const ticked = useMemo(() => ticksByPoint(points, ticks ?? []), [points, ticks]);
  const repeated = points.filter((p) => p.repeats).length;
  return (
    <div className="pane pane--analysis">
      <div className="analysis-scroll">
        <div className="analysis-head">
          <h2 className="analysis-title">
            Points raised <span className="pane-subtitle">{council}</span>
          </h2>
          {groups && <ExportButton name={[council, 'points raised']} table={() => pointsTable(council, groups, ticked)} />}
        </div>
        {!groups ? (
          <p className="pane-empty">Loading…</p>
        ) : points.length === 0 ? (
          <p className="pane-empty">None of this council’s letters makes recommendations or names areas for development.</p>
        ) : (
          <>
            <p className="analysis-note">
              {countText(points.length, 'point')} from {countText(letters!.length, 'letter')}; {countText(repeated, 'point')} raised before in other words or the same;{' '}
              {countText(ticked.size, 'point')} ticked as dealt with. A point counts as raised before when at least half its words (leaving out the
              ones every point uses) are an earlier point’s.
            </p>
            {groups.map((group) => (
              <section key={group.group} className="points-group" aria-label={group.group}>
                <h3>{group.group}</h3>
                <ul className="points-list">
                  {group.points.map((point) => {
                    const tick = ticked.get(point.pointId);
                    const again = repeatText(point);
                    return (
                      <li key={point.pointId} className={tick ? 'point point--done' : 'point'} data-point={point.pointId}>
                        <div className="point-meta">
                          <span>{point.kind === 'recommendation' ? 'Recommendation' : 'Area for development'}</span>
                          <button type="button" className="link-button" onClick={() => onOpen(point.letterId, point.sectionIndex)}>
                            Letter of {dateInWords(point.date)}
                          </button>
                          {again && <span className="point-repeat">{again}</span>}
                        </div>
                        <p className="point-text" id={`point-${point.pointId}`}>
                          {point.text}
                        </p>
                        <TickEditor key={tick?.pointId ?? 'none'} point={point} councilKey={councilKey} tick={tick} describedBy={`point-${point.pointId}`} />
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
