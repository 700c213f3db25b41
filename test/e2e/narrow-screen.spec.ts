import { expect, type Page, test } from '@playwright/test';
import { expectScreen } from './helpers';
import { logIssue, openOffline, startAs } from './issue-helpers';
import { chooseLanguage } from './language-helpers';

const longWord = 'Hauptbühnenabsperrgitterverantwortlichkeitsübertragungsprotokoll'.repeat(2);
const longUrl = `https://example.org/${'a-very-long-path-segment-'.repeat(4)}`;
const longName = 'Maximiliane-Alexandrina Wolfeschlegelsteinhausenbergerdorff';

/** The page is no wider than the screen: nothing zooms out, no tap lands beside its target. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.page, `${where} is ${widths.page}px wide on a ${widths.screen}px screen`).toBeLessThanOrEqual(widths.screen);
}

test.use({ viewport: { width: 320, height: 640 } });

test('long words, links and names wrap on a 320 px screen, on every screen', async ({ page }) => {
  test.setTimeout(90_000);
  await openOffline(page);
  await startAs(page, longName, 'Organizer');
  await page.goto('/');
  await page.getByRole('radio', { name: 'Lost property' }).check();
  await page.getByRole('textbox', { name: /What happened\?/ }).fill(longWord);
  await page.getByText('More details (optional)').click();
  await page.getByRole('textbox', { name: /Details/ }).fill(`${longUrl} ${longWord}`);
  await page.getByRole('button', { name: 'Save issue' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the log screen after saving');

  await page.goto('/lost-property/new/found');
  await page.getByRole('radio', { name: 'Bag' }).check();
  await page.getByRole('textbox', { name: 'Brand or model' }).fill(longWord.slice(0, 100));
  await page.getByRole('textbox', { name: 'Bin or shelf' }).fill(longWord.slice(0, 60));
  await page.getByRole('button', { name: 'Save found item' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'a found item');

  await page.goto('/queue');
  await page.getByRole('list', { name: 'Issues' }).getByRole('link').filter({ hasText: longWord }).click();
  await expectScreen(page, longWord);
  await expectNoSidewaysScroll(page, 'the issue screen');
  for (const path of ['/queue', '/lost-property', '/summary', '/follow-up', '/settings', '/audit', '/attendee-data']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }
});

test('in German, the longest words of the UI wrap on a 320 px screen too, on every screen', async ({ page }) => {
  test.setTimeout(90_000);
  await openOffline(page);
  await startAs(page, longName, 'Organizer');
  await logIssue(page, 'Lost property', longWord);
  const issue = await page.getByRole('link', { name: 'Open it' }).getAttribute('href');
  await chooseLanguage(page, 'Deutsch', 'de');
  await page.goto('/');
  await page.getByText('Weitere Angaben (optional)').click();
  await expectNoSidewaysScroll(page, 'the log screen in German');
  await page.goto(issue!);
  for (const summary of await page.locator('details > summary').all()) await summary.click();
  await expectNoSidewaysScroll(page, 'the issue screen in German, every form open');
  for (const path of [
    '/queue',
    '/lost-property',
    '/lost-property/new/found',
    '/lost-property/new/lost',
    '/lost-person/new',
    '/summary',
    '/follow-up',
    '/settings',
    '/audit',
    '/attendee-data',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, `${path} in German`);
  }
});
