import { readEventRows, readIssuesById } from '../../db/issue-repository';
import type { QueueRow } from '../../db/rows';
import type { Issue } from '../../domain/issue';
import { useSession } from '../session';
import { type LiveQueryState, useLiveQuery } from '../use-live-query';

/**
 * Whole issues for the queue rows that match: the compact rows pick, and only the picked
 * issues (with their timelines) are read. Live, like every other read.
 */
export function useIssuesWhere(predicate: (row: QueueRow) => boolean, deps: unknown[]): LiveQueryState<Issue[]> {
  const { db, event } = useSession();
  return useLiveQuery(async () => {
    const ids = (await readEventRows(db, event.id)).filter(predicate).map((row) => row.id);
    return readIssuesById(db, ids);
  }, [db, event.id, ...deps]);
}
