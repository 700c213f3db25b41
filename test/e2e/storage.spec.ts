import { expect, test } from '@playwright/test';
import { expectScreen } from './helpers';

test('settings shows whether data is kept and how much storage is used', async ({ page }) => {
  await page.goto('/settings');
  await expectScreen(page, 'Settings');
  await expect(page.getByTestId('persistence')).toHaveText(/^(Kept|Not guaranteed|This browser cannot say)/);
  await expect(page.getByTestId('storage-usage')).toHaveText(
    /^[\d.]+ (bytes|KB|MB|GB) of [\d.]+ (KB|MB|GB|TB) available to Helptent$/,
  );
  await expect(page.getByText(/^[0-9a-f-]{36}$/)).toBeVisible();
});

test('the device keeps its identity across reloads', async ({ page }) => {
  await page.goto('/settings');
  const id = page.getByText(/^[0-9a-f-]{36}$/);
  await expect(id).toBeVisible();
  const before = await id.textContent();
  await page.reload();
  await expect(page.getByText(/^[0-9a-f-]{36}$/)).toHaveText(before!);
});

test('a browser without usable IndexedDB gets a plain explanation, not a blank page', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
  });
  await page.goto('/queue');
  await expectScreen(page, 'Helptent cannot save on this phone');
  await expect(page.getByRole('alert')).toContainText('private browsing');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});
