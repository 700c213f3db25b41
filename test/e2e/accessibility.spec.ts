import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectScreen, screens } from './helpers';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes an axe scan in the ${colorScheme === 'light' ? 'sunlight' : 'night'} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const screen of screens) {
      await page.goto(screen.path);
      await expectScreen(page, screen.title);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${screen.path}: ${v.id} — ${v.help}`)).toEqual([]);
    }
  });
}

test('tab bar links are at least 48 px tall and show where you are', async ({ page }) => {
  await page.goto('/queue');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links).toHaveCount(4);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.width).toBeGreaterThanOrEqual(48);
  }
  await expect(page.getByRole('link', { name: 'Queue' })).toHaveAttribute('aria-current', 'page');
});
