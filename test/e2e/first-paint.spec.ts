import { expect, type Page, test } from '@playwright/test';

// No service worker here: the page's own requests reach the network, where the test holds the
// app's script back. What the screen shows then is the first paint: HTML, CSS and the inline
// theme script, nothing the app's script did afterwards.
test.use({ serviceWorkers: 'block' });

const white = 'rgb(255, 255, 255)';
const nightBackground = 'rgb(13, 17, 23)';

async function chooseTheme(page: Page, theme: 'Sunlight' | 'Night'): Promise<void> {
  await page.goto('/settings');
  await page.getByRole('radio', { name: theme }).check();
}

/** Reloads with the app's script blocked; returns what the page painted and any CSP complaint. */
async function firstPaint(page: Page): Promise<{ background: string; theme: string | null; refused: string[] }> {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.reload();
  await expect(page.locator('.top-bar')).toBeVisible();
  // The app never ran: the shell from index.html is all there is.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  const painted = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    theme: document.documentElement.getAttribute('data-theme'),
  }));
  return { ...painted, refused };
}

test.describe('the theme on the very first paint', () => {
  test.use({ colorScheme: 'light' });

  test('with the night theme chosen on a phone set to light, the first paint is already dark', async ({ page }) => {
    await chooseTheme(page, 'Night');
    const painted = await firstPaint(page);
    expect(painted.refused).toEqual([]);
    expect(painted.theme).toBe('night');
    expect(painted.background).toBe(nightBackground);
  });
});

test.describe('the theme on the very first paint, dark phone', () => {
  test.use({ colorScheme: 'dark' });

  test('with the sunlight theme chosen on a phone set to dark, the first paint is already white', async ({ page }) => {
    await chooseTheme(page, 'Sunlight');
    const painted = await firstPaint(page);
    expect(painted.refused).toEqual([]);
    expect(painted.theme).toBe('sunlight');
    expect(painted.background).toBe(white);
  });
});
