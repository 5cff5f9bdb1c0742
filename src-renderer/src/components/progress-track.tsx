/** A bar of how far some long work has got, for screen readers as well as eyes. */
export function ProgressTrack({ label, done, total, text }: { label: string; done: number | null; total: number; text: string }) {
  const known = done !== null && total > 0;
  const percent = known ? Math.round((done / total) * 100) : 0;
  return (
    <div
      className={known ? 'progress-track' : 'progress-track progress-track--waiting'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.max(total, 1)}
      aria-valuenow={known ? done : undefined}
      aria-valuetext={text}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
