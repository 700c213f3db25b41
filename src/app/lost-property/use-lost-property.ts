import { readEventRows, readIssuesById } from '../../db/issue-repository';
import type { Issue } from '../../domain/issue';
import { useSession } from '../session';
import { type LiveQueryState, useLiveQuery } from '../use-live-query';

/** The category every found item and lost report is filed under. */
export const lostPropertyCategory = 'lost-property';

/**
 * Every found item and lost report on this phone, whole, live: the register and the matching
 * read them all. The queue rows pick the category first, so only those issues are read.
 */
export function useLostPropertyIssues(): LiveQueryState<Issue[]> {
  const { db, event } = useSession();
  return useLiveQuery(async () => {
    const ids = (await readEventRows(db, event.id)).filter((row) => row.category === lostPropertyCategory).map((row) => row.id);
    return (await readIssuesById(db, ids)).filter((issue) => issue.lostProperty !== undefined);
  }, [db, event.id]);
}
