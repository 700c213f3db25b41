import type { FestivalEvent } from '../domain/event';
import type { Issue } from '../domain/issue';
import type { MutationName } from '../domain/mutation-args';
import { applyMutation, type MutationContext } from '../domain/mutators';
import type { HelptentDatabase, StoredIssue } from './database';
import { queueRowOf } from './queue-row';
import { withReopenRetry } from './retry';

export interface ChangeRequest {
  name: MutationName;
  args: unknown;
  context: MutationContext;
  /** A draft that this change makes obsolete (the capture form after a save). */
  clearDraftKey?: string;
}

export interface SavedChange {
  issue: Issue;
  /** This device's mutation id for the change, as the outbox numbers it. */
  seq: number;
}

function issueIdIn(name: MutationName, args: unknown): string {
  const record = (args ?? {}) as { id?: unknown; issueId?: unknown };
  const id = name === 'createIssue' ? record.id : record.issueId;
  return typeof id === 'string' ? id : '';
}

/**
 * Applies a named mutation and queues it for the server in ONE transaction: the issue, its
 * queue row and the outbox entry are all written, or none is. Only when this resolves may the
 * UI say "saved on this phone".
 */
export async function saveChange(db: HelptentDatabase, event: FestivalEvent, change: ChangeRequest): Promise<SavedChange> {
  const issueId = issueIdIn(change.name, change.args);
  return withReopenRetry(db, () =>
    db.transaction('rw', [db.issues, db.queue, db.outbox, db.drafts], async () => {
      const current = issueId ? await db.issues.get(issueId) : undefined;
      const baseVersion = current?.serverVersion ?? 0;
      const issue: StoredIssue = {
        ...applyMutation(current, change.name, change.args, change.context),
        serverVersion: baseVersion,
      };
      await db.issues.put(issue);
      await db.queue.put(queueRowOf(issue, event));
      const seq = await db.outbox.add({
        mutationId: change.context.mutationId,
        name: change.name,
        args: change.args,
        issueId: issue.id,
        actor: { id: change.context.actor.id, name: change.context.actor.name, role: change.context.actor.role },
        createdAt: change.context.now,
        baseVersion,
      });
      if (change.clearDraftKey) await db.drafts.delete(change.clearDraftKey);
      return { issue, seq: seq as number };
    }),
  );
}
