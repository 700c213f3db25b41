import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expectScreen, screens } from './helpers';
import { logIssue, startAs } from './issue-helpers';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes an axe scan in the ${colorScheme === 'light' ? 'sunlight' : 'night'} theme`, async ({ page }) => {
    // Every screen scanned twice: about 50 s on CI's busy cores, close to the default minute.
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    // First use, before anyone is named and with nothing logged.
    for (const screen of screens) {
      await page.goto(screen.path);
      await expectScreen(page, screen.title);
      await expectNoViolations(page, `${screen.path} (empty)`);
    }
    // In use: a coordinator with an issue in the queue, every form on the issue opened.
    await startAs(page, 'Robin', 'Coordinator');
    await logIssue(page, 'Lost property', 'Blue backpack left at the food court');
    const href = await page.getByRole('link', { name: 'Open it' }).getAttribute('href');
    for (const path of ['/', '/queue', '/settings']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page, `${path} (in use)`);
    }
    await page.goto('/queue?publicRisk=1');
    await expect(page.getByText('No issue matches these filters.')).toBeVisible();
    await expectNoViolations(page, '/queue (filters open)');
    await page.goto(href!);
    await expectScreen(page, 'Blue backpack left at the food court');
    await page.getByText('Hand over to someone else').click();
    await page.getByText('Edit details').click();
    await page.getByLabel('New status').selectOption({ label: 'Closed' });
    await expectNoViolations(page, `${href} (every form open)`);
  });
}

test('tab bar links are at least 48 px tall and show where you are', async ({ page }) => {
  await page.goto('/queue');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.width).toBeGreaterThanOrEqual(48);
  }
  await expect(page.getByRole('link', { name: 'Queue' })).toHaveAttribute('aria-current', 'page');
});

test('every control on the logging form is a 48 px touch target', async ({ page }) => {
  await startAs(page, 'Sam');
  await page.goto('/');
  await page.getByText('More details (optional)').click();
  const controls = page
    .locator('form[aria-label="Log an issue"]')
    .locator('button, select, textarea, input:not([type=radio]):not([type=checkbox]), .tile span');
  expect(await controls.count()).toBeGreaterThan(20);
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    if (!box) continue;
    expect(box.height, await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(48);
  }
  const checkbox = page.getByRole('checkbox', { name: /agrees to be contacted/ });
  await expect(checkbox).not.toBeChecked();
});
