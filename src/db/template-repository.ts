import type { FollowUpReason } from '../domain/issue';
import type { HelptentDatabase } from './database';
import { withReopenRetry } from './retry';

const key = 'outreach-templates';

/**
 * A template is kept per reason and language: "apology" is the English one (as stored before
 * templates had languages), "apology:nl" the Dutch one.
 */
export type TemplateKey = FollowUpReason | `${FollowUpReason}:${string}`;

export function templateKey(reason: FollowUpReason, language: string): TemplateKey {
  return language === 'en' ? reason : `${reason}:${language}`;
}

export async function readTemplates(db: HelptentDatabase): Promise<Partial<Record<TemplateKey, string>>> {
  return ((await db.meta.get(key))?.value as Partial<Record<TemplateKey, string>> | undefined) ?? {};
}

export function saveTemplate(db: HelptentDatabase, template: TemplateKey, text: string): Promise<void> {
  return withReopenRetry(db, () =>
    db.transaction('rw', db.meta, async () => {
      const current = await readTemplates(db);
      await db.meta.put({ key, value: { ...current, [template]: text } });
    }),
  );
}
