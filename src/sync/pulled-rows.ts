import * as z from 'zod/mini';
import type { UnreadableRow } from '../db/sync-state';
import { type PullPage, pulledIssueSchema } from '../domain/sync-protocol';

/**
 * The issues of a pulled page this phone can file, and the rows it cannot (a server bug, a newer
 * server's field this app does not know, a proxy's damage), each with the reason. The readable
 * ones sync; the others are kept aside and reported, and the cursor moves past them.
 */
export function splitPulledRows(rows: unknown[], at: string): { issues: PullPage['issues']; unreadable: UnreadableRow[] } {
  const issues: PullPage['issues'] = [];
  const unreadable: UnreadableRow[] = [];
  for (const row of rows) {
    const parsed = z.safeParse(pulledIssueSchema, row);
    if (parsed.success) {
      issues.push(parsed.data);
      continue;
    }
    const loose = (row ?? {}) as { issue?: { id?: unknown }; version?: unknown };
    const first = parsed.error.issues[0];
    unreadable.push({
      issueId: typeof loose.issue?.id === 'string' ? loose.issue.id.slice(0, 100) : null,
      version: typeof loose.version === 'number' ? loose.version : null,
      reason: first ? `${first.path.join('.') || '(row)'}: ${first.message}` : 'not an issue',
      at,
    });
  }
  return { issues, unreadable };
}

/**
 * Lets a visible page handle taps and typing before going on. A hidden page (or the service
 * worker) goes straight on: nobody is typing there, and its timers are throttled to one a second,
 * or one a minute after a while, which would stretch a background catch-up into hours.
 */
function yieldToPage(): Promise<void> {
  // Read through globalThis: this code also runs in the service worker, which has no document.
  const page = (globalThis as { document?: { visibilityState: string } }).document;
  if (page?.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `splitPulledRows` a slice at a time, letting the page in between: checking 2,000 issues at once
 * held a phone's main thread for a third of a second on a fast machine, so taps and typing
 * waited through every page of a catch-up.
 */
export async function splitPulledRowsInSlices(
  rows: unknown[],
  at: string,
  sliceSize = 250,
): Promise<{ issues: PullPage['issues']; unreadable: UnreadableRow[] }> {
  if (rows.length <= sliceSize) return splitPulledRows(rows, at);
  const issues: PullPage['issues'] = [];
  const unreadable: UnreadableRow[] = [];
  for (let start = 0; start < rows.length; start += sliceSize) {
    if (start > 0) await yieldToPage();
    const slice = splitPulledRows(rows.slice(start, start + sliceSize), at);
    issues.push(...slice.issues);
    unreadable.push(...slice.unreadable);
  }
  return { issues, unreadable };
}
