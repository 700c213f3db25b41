import type { HelptentDatabase } from './database';
import { withReopenRetry } from './retry';
import { toDraftError } from './storage-errors';

/** Drafts are written as the person types, so a killed tab reopens with the text still there. */
export async function saveDraft(db: HelptentDatabase, key: string, fields: Record<string, unknown>, now: string): Promise<void> {
  try {
    await withReopenRetry(db, async () => {
      await db.drafts.put({ key, fields, updatedAt: now });
    });
  } catch (error) {
    throw toDraftError(error);
  }
}

export async function readDraft(db: HelptentDatabase, key: string): Promise<Record<string, unknown> | undefined> {
  return (await db.drafts.get(key))?.fields;
}

export function clearDraft(db: HelptentDatabase, key: string): Promise<void> {
  return withReopenRetry(db, () => db.drafts.delete(key));
}
