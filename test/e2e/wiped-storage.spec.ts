import { expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { createEventWithCodes, joinedDevice, logIssue, openIssue } from './sync-helpers';

// A server of its own (the join codes come from its database): run once, in the phone project.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');

test('a phone whose browser deleted Helptent’s data, the cookie kept, says so and leads back to joining', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const { context, page } = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    await logIssue(page, 'Lost property', 'Green tent bag left at the north gate');
    await expect(page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain('helptent-joined');

    // The browser deletes the site's IndexedDB and localStorage (Safari after days unused; a
    // person clearing site data but keeping cookies here). The cookie the server set on joining stays.
    await page.evaluate(async () => {
      localStorage.clear();
      await new Promise((resolve, reject) => {
        // The open app closes its connection on versionchange, so the delete goes through.
        const request = indexedDB.deleteDatabase('helptent');
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error);
      });
    });
    await page.reload();

    const notice = page.getByRole('alert').filter({ hasText: 'Helptent’s data on this phone is gone.' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Issues that reached the server are safe');
    await notice.getByRole('link', { name: 'Join your event again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    const join = page.getByRole('form', { name: 'Join your event' });
    await join.getByLabel('Join code').fill(codes.staff);
    await join.getByLabel('Your name').fill('Sam');
    await join.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByTestId('last-synced')).not.toHaveText('not yet', { timeout: 15_000 });
    await expect(notice).toHaveCount(0);
    // As the notice promised, the issue that had reached the server is back on the phone.
    await expect(async () => openIssue(page, 'Green tent bag left at the north gate')).toPass({ timeout: 30_000 });
    // And it stays gone after a reload: the phone is joined again.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Green tent bag left at the north gate' })).toBeVisible();
    await expect(notice).toHaveCount(0);
    await context.close();
  } finally {
    await server.stop('SIGKILL');
  }
});
