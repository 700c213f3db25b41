import { useId } from 'preact/hooks';
import './progress.css';

export interface ProgressReportProps {
  /** What is going on: "Fetching the event's issues". With the count, the bar's accessible name. */
  label: string;
  done: number;
  /** How many in all; null when not known yet (the bar then moves without a value). */
  total: number | null;
  /** What happens next, or what the person can do meanwhile. */
  next: string;
  testId?: string;
}

const count = (n: number) => n.toLocaleString();

/**
 * Long work, shown as it goes: a real bar, "N of M", and a sentence on what happens next, so
 * nobody is left guessing whether the phone is stuck. A bar, not a live region: a screen reader
 * reads it when the person gets there instead of announcing every page.
 */
export function ProgressReport({ label, done, total, next, testId }: ProgressReportProps) {
  const id = useId();
  const known = total !== null && total > 0;
  const shown = known ? Math.min(done, total) : done;
  return (
    <div class="progress-report" data-testid={testId}>
      <p class="progress-report__text" id={id}>
        {label}: {known ? `${count(shown)} of ${count(total)}` : `${count(done)} so far`}
      </p>
      {known ? (
        <progress class="progress-report__bar" aria-labelledby={id} max={total} value={shown} />
      ) : (
        <progress class="progress-report__bar" aria-labelledby={id} />
      )}
      <p class="progress-report__next">{next}</p>
    </div>
  );
}
