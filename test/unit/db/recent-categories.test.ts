import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { readRecentCategories, rememberCategory } from '../../../src/db/recent-categories';

let db: HelptentDatabase;
beforeEach(async () => {
  db = new HelptentDatabase(`recent-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

it('offers each person their last four categories, most recent first, each once', async () => {
  for (const category of ['medical', 'lost-property', 'medical', 'noise', 'toilets', 'welfare']) {
    await rememberCategory(db, 'staff-sam', category);
  }
  await rememberCategory(db, 'staff-kim', 'security');
  expect(await readRecentCategories(db, 'staff-sam')).toEqual(['welfare', 'toilets', 'noise', 'medical']);
  expect(await readRecentCategories(db, 'staff-kim')).toEqual(['security']);
  expect(await readRecentCategories(db, 'staff-ola')).toEqual([]);
});
