import type { FollowUpReason } from '../domain/issue';
import type { HelptentDatabase } from './database';
import { withReopenRetry } from './retry';

const key = 'outreach-templates';

export async function readTemplates(db: HelptentDatabase): Promise<Partial<Record<FollowUpReason, string>>> {
  return ((await db.meta.get(key))?.value as Partial<Record<FollowUpReason, string>> | undefined) ?? {};
}

export function saveTemplate(db: HelptentDatabase, reason: FollowUpReason, text: string): Promise<void> {
  return withReopenRetry(db, () =>
    db.transaction('rw', db.meta, async () => {
      const current = await readTemplates(db);
      await db.meta.put({ key, value: { ...current, [reason]: text } });
    }),
  );
}
