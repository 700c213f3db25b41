import type { HelptentDatabase } from './database';
import type { StoredIssue } from './rows';

// Apart from issue-repository.ts, which the first screen loads: only exports read this way.

/**
 * The event's issues like `readEventIssues`, read a slice at a time in id order, telling
 * `onProgress` how many of the phone's issues were read so far (an export of 20,000 issues on a
 * slow phone shows "Reading issues: 4,000 of 20,000").
 */
export async function readEventIssuesInSlices(
  db: HelptentDatabase,
  eventId: string,
  onProgress: (read: number, total: number) => void,
  sliceSize = 2000,
): Promise<StoredIssue[]> {
  const total = await db.issues.count();
  const found: StoredIssue[] = [];
  let read = 0;
  let after: string | null = null;
  onProgress(0, total);
  for (;;) {
    const slice: StoredIssue[] = await (after === null ? db.issues.orderBy(':id') : db.issues.where(':id').above(after))
      .limit(sliceSize)
      .toArray();
    for (const issue of slice) if (issue.eventId === eventId) found.push(issue);
    read += slice.length;
    if (slice.length > 0) onProgress(read, Math.max(total, read));
    if (slice.length < sliceSize) return found;
    after = slice[slice.length - 1]!.id;
  }
}
