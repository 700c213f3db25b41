import { AppError } from '../domain/app-error';
import type { HelptentDatabase } from './database';
import { deleteQueueRows } from './queue-pages';
import type { RefusedChange } from './rows';

/** Every refusal this phone keeps, newest first. */
export function readAllRejections(db: HelptentDatabase): Promise<RefusedChange[]> {
  return db.refusedChanges.reverse().toArray();
}

export function readRejections(db: HelptentDatabase, issueId: string): Promise<RefusedChange[]> {
  return db.refusedChanges.where('issueId').equals(issueId).toArray();
}

/** Someone read why the server refused: the refusal stays on record but stops asking for attention. */
export async function dismissRejections(db: HelptentDatabase, issueId: string, now: string): Promise<void> {
  await db.refusedChanges
    .where('issueId')
    .equals(issueId)
    .filter((entry) => !entry.dismissedAt)
    .modify({ dismissedAt: now });
}

/**
 * An issue whose creation the server refused exists only on this phone, and every later change
 * to it would be refused too. Removing it is a person's decision, never automatic: the issue,
 * its queue row and its unsent changes go in one transaction; the refusal itself stays on
 * record (with what was typed) in the refused list.
 */
export async function removeRefusedIssue(db: HelptentDatabase, issueId: string, now: string): Promise<void> {
  await db.transaction('rw', [db.issues, db.queue, db.queuePages, db.unsentChanges, db.refusedChanges], async () => {
    const refusedCreation = await db.refusedChanges
      .where('issueId')
      .equals(issueId)
      .filter((entry) => entry.name === 'createIssue')
      .first();
    const issue = await db.issues.get(issueId);
    if (!refusedCreation || (issue?.serverVersion ?? 0) > 0) {
      throw new AppError('invalid', 'Only an issue the server refused to create can be removed from this phone.');
    }
    await db.unsentChanges.where('issueId').equals(issueId).delete();
    await db.issues.delete(issueId);
    await deleteQueueRows(db, [issueId]);
    await db.refusedChanges
      .where('issueId')
      .equals(issueId)
      .modify((entry) => {
        entry.dismissedAt ??= now;
      });
  });
}
