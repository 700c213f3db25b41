import { expect, test } from '@playwright/test';
import { expectScreen, screens, startServer, waitForServiceWorker } from './helpers';

test('after one visit, every screen opens with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expectScreen(page, 'Log an issue');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expectScreen(page, 'Log an issue');
  // Deep links typed or bookmarked, each a full navigation answered by the service worker;
  // the summary screen's code was never fetched online, so it must have been precached.
  for (const screen of screens) {
    await page.goto(screen.path);
    await expectScreen(page, screen.title);
  }
  // And moving between screens with the tab bar.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Queue' }).click();
  await expectScreen(page, 'Issue queue');
  await expect(nav.getByRole('link', { name: 'Queue' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Summary' }).click();
  await expectScreen(page, 'Day summary');
});

test('without a service worker the app does not open offline (the offline test can fail)', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/');
  await expectScreen(page, 'Log an issue');
  await context.setOffline(true);
  await expect(page.reload()).rejects.toThrow();
  await context.close();
});

test('the app still opens when the server is stopped', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(`${server.url}/settings`);
    await expectScreen(page, 'Settings');
    await waitForServiceWorker(page);
    await expect(page.getByText('Yes: Helptent opens on this phone without signal.')).toBeVisible();

    expect(await server.stop('SIGTERM')).toBe(0);
    await page.reload();
    await expectScreen(page, 'Settings');
    await page.goto(`${server.url}/queue`);
    await expectScreen(page, 'Issue queue');
  } finally {
    await server.stop('SIGKILL');
  }
});
