import { expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { createEventForOrganizer, joinedDevice } from './sync-helpers';

// A server of its own: run once, in the phone project.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');

test('an organizer reads in the audit log that they joined and changed the festival settings', async ({ browser }) => {
  const server = await startServer();
  try {
    const { context, page } = await joinedDevice(browser, server.url, createEventForOrganizer(server.databaseUrl), 'Jo');

    const settings = page.getByRole('form', { name: 'Festival settings' });
    await settings.getByLabel('Festival day starts at').fill('05:00');
    await settings.getByRole('button', { name: 'Save festival settings' }).click();
    await expect(page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    await page.getByRole('region', { name: 'Audit log' }).getByRole('link', { name: 'Open the audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const entries = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('Jo changed the festival settings: day start.');
    await expect(entries.nth(1)).toContainText('Jo joined as organizer.');

    // Offline it says so plainly, and keeps what it showed.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Refresh the audit log' }).click();
    await expect(page.getByRole('alert')).toContainText('opens only with signal');
    await expect(entries).toHaveCount(2);
  } finally {
    await server.stop('SIGKILL');
  }
});
