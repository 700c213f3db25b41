import type { HelptentDatabase } from './database';

/** How many of a person's last categories the logging form offers first. */
const kept = 4;

const keyOf = (staffId: string) => `recent-categories:${staffId}`;

/** The categories this person logged last on this phone, most recent first. */
export async function readRecentCategories(db: HelptentDatabase, staffId: string): Promise<string[]> {
  return ((await db.meta.get(keyOf(staffId)))?.value as string[] | undefined) ?? [];
}

/**
 * Kept as a small list of its own: deriving it from the queue meant reading every queue row
 * each time the logging form opened or a pull arrived, on the screen staff keep open all day.
 */
export async function rememberCategory(db: HelptentDatabase, staffId: string, category: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const recent = await readRecentCategories(db, staffId);
    const next = [category, ...recent.filter((c) => c !== category)].slice(0, kept);
    await db.meta.put({ key: keyOf(staffId), value: next });
  });
}
