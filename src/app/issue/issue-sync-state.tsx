import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';

/** Per issue: is it on the server yet, and did the server refuse any change to it. */
export function IssueSyncState({ issueId }: { issueId: string }) {
  const { db } = useSession();
  const waiting = useLiveQuery(() => db.outbox.where('issueId').equals(issueId).count(), [db, issueId]).data ?? 0;
  const synced = (useLiveQuery(() => db.queue.get(issueId), [db, issueId]).data?.version ?? 0) > 0;
  const rejected = useLiveQuery(() => db.rejected.where('issueId').equals(issueId).toArray(), [db, issueId]).data ?? [];
  const text =
    waiting > 0
      ? `Saved on this phone — ${waiting === 1 ? '1 change' : `${waiting} changes`} not on the server yet`
      : synced
        ? 'Synced with the server'
        : 'Saved on this phone';
  return (
    <>
      <p class="issue-sync" data-testid="issue-sync">
        {text}
      </p>
      {rejected.map((r) => (
        <p key={r.seq} class="message message--error">
          The server refused a change ({r.name}): {r.message}
        </p>
      ))}
    </>
  );
}
