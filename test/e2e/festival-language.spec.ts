import { devices, expect, test } from '@playwright/test';
import { startServer, waitForServiceWorker } from './helpers';
import { createEventWithCodes, joinedDevice } from './sync-helpers';

// Several browsers and a server of their own: run once, in the phone project.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');

test('a coordinator sets the festival’s language; a volunteer whose phone speaks Italian gets it, not English', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    // The event is in Amsterdam (Dutch by its timezone); the coordinator makes it German.
    const codes = await createEventWithCodes(server.databaseUrl);
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex');
    const settings = coordinator.page.getByRole('form', { name: 'Festival settings' });
    const language = settings.getByLabel('Language of the festival');
    await expect(language).toHaveValue('nl');
    await language.selectOption({ label: 'Deutsch' });
    await settings.getByRole('button', { name: 'Save festival settings' }).click();
    await expect(settings).toContainText('every phone gets it when it syncs');
    await expect(coordinator.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });
    await expect(coordinator.page.getByTestId('event-changes')).toContainText('language Dutch → German');
    // The coordinator's browser speaks English, which Helptent speaks: it stays English.
    await expect(coordinator.page.locator('html')).toHaveAttribute('lang', 'en');

    const context = await browser.newContext({
      ...devices['Pixel 7'],
      baseURL: server.url,
      locale: 'it-IT',
      timezoneId: 'Europe/Rome',
    });
    const page = await context.newPage();
    await page.goto('/settings');
    await waitForServiceWorker(page);
    // Before joining, no festival has chosen: Italian is not one of Helptent's languages, Rome says nothing, so English.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const join = page.getByRole('form', { name: 'Join your event' });
    await join.getByLabel('Join code').fill(codes.staff);
    await join.getByLabel('Your name').fill('Giulia');
    await join.getByRole('button', { name: 'Join' }).click();

    // The festival's settings arrive with the first sync, and the app speaks German.
    await expect(page.locator('html')).toHaveAttribute('lang', 'de', { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Festival' })).toContainText('Deutsch');
    // The next start opens in it at once.
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Hauptmenü' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await context.close();
  } finally {
    await server.stop('SIGKILL');
  }
});
