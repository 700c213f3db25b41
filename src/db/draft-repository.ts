import type { HelptentDatabase } from './database';
import { withReopenRetry } from './retry';

/** Drafts are written as the person types, so a killed tab reopens with the text still there. */
export function saveDraft(db: HelptentDatabase, key: string, fields: Record<string, unknown>, now: string): Promise<void> {
  return withReopenRetry(db, async () => {
    await db.drafts.put({ key, fields, updatedAt: now });
  });
}

export async function readDraft(db: HelptentDatabase, key: string): Promise<Record<string, unknown> | undefined> {
  return (await db.drafts.get(key))?.fields;
}

export function clearDraft(db: HelptentDatabase, key: string): Promise<void> {
  return withReopenRetry(db, () => db.drafts.delete(key));
}
