import { useId } from 'preact/hooks';
import { t } from '../i18n/messages';

export interface ProgressReportProps {
  /** What is going on: "Fetching the event's issues". With the count, the bar's accessible name. */
  label: string;
  /** How many are done; absent for a step that is not counted (the bar then moves without a value). */
  done?: number;
  /** How many in all; null when not known yet (the bar then moves without a value). */
  total: number | null;
  /** What happens next, or what the person can do meanwhile. */
  next: string;
  testId?: string;
}

// Styled here rather than in a stylesheet of its own: one file fewer for the first load to list.
const flush = { margin: 0 };
const bar = { display: 'block', width: '100%', height: '0.75rem', margin: '0.375rem 0', accentColor: 'var(--accent)' };

/**
 * Long work, shown as it goes: a real bar, "N of M", and a sentence on what happens next, so
 * nobody is left guessing whether the phone is stuck. A bar, not a live region: a screen reader
 * reads it when the person gets there instead of announcing every page.
 */
export function ProgressReport({ label, done, total, next, testId }: ProgressReportProps) {
  const id = useId();
  const counted = done !== undefined && total !== null && total > 0 ? { done: Math.min(done, total), total } : null;
  let text = t('{label}…', { label });
  if (counted) text = t('{label}: {done} of {total}', { label, done: counted.done, total: counted.total });
  else if (done !== undefined) text = t('{label}: {done} so far', { label, done });
  return (
    <div class="message message--info" data-testid={testId}>
      <p style={flush} id={id}>
        {text}
      </p>
      {counted ? (
        <progress style={bar} aria-labelledby={id} max={counted.total} value={counted.done} />
      ) : (
        <progress style={bar} aria-labelledby={id} />
      )}
      <p style={{ ...flush, fontWeight: 'normal' }}>{next}</p>
    </div>
  );
}
