import type { HelptentDatabase } from './database';

// What the sync line counts on every screen. Apart from the issue and refusal repositories, whose
// other readers and writers (and the queue pages they keep) only later screens need.

export function countPendingChanges(db: HelptentDatabase): Promise<number> {
  return db.unsentChanges.count();
}

/** Refusals nobody has read yet: the sync line counts these. */
export function countUnreadRejections(db: HelptentDatabase): Promise<number> {
  return db.refusedChanges.filter((entry) => !entry.dismissedAt).count();
}
