import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { logIssue, startAs } from './issue-helpers';
import { chooseLanguage, choosePseudoLocale, notUiText, untranslatedText } from './language-helpers';

const person = 'Robin Vermeer';
const summary = 'Blue backpack left at the food court';
const foundItem = 'Eastpak';

/** Every screen, with an issue and a found item in it, as an organizer sees it. */
async function setUpEveryScreen(page: import('@playwright/test').Page): Promise<string> {
  await startAs(page, person, 'Organizer');
  await logIssue(page, 'Lost property', summary);
  const href = await page.getByRole('link', { name: 'Open it' }).getAttribute('href');
  await page.goto('/lost-property/new/found');
  await page.getByRole('radio', { name: 'Bag' }).check();
  await page.getByRole('textbox', { name: 'Brand or model' }).fill(foundItem);
  await page.getByRole('button', { name: 'Save found item' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
  return href!;
}

/**
 * Sentences the shared domain code writes into the record when a change is made (the issue's
 * timeline, custody steps): stored and exported in English, not UI strings. Translating them
 * means rendering each from its kind and fields; not done yet.
 */
const storedText = ['.timeline__head'];

const paths = (issue: string) => [
  '/',
  '/queue',
  issue,
  '/lost-property',
  '/lost-property/new/found',
  '/lost-property/new/lost',
  '/lost-person/new',
  '/summary',
  '/follow-up',
  '/pr-risk',
  '/evangelists',
  '/settings',
  '/attendee-data',
  '/audit',
  '/no-such-page',
];

test('in the pseudo-locale, every visible string on every screen came from the catalog', async ({ page }) => {
  test.setTimeout(240_000);
  const issue = await setUpEveryScreen(page);
  await choosePseudoLocale(page);
  // What the test typed, and the default event's name: data, not UI.
  // The summary of a found item is written when it is logged (stored, not UI): see the report.
  const allowed = [...notUiText, person, summary, `Found bag (${foundItem})`, foundItem, 'Festival'];
  for (const path of paths(issue)) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path === issue) {
      // Every form of the issue open, so their labels are seen too.
      for (const summaryText of await page.locator('details > summary').all()) await summaryText.click();
    }
    expect(await untranslatedText(page, allowed, storedText), `${path} shows text that is not in the catalog`).toEqual([]);
  }
});

// English is scanned on every screen, in both themes, by accessibility.spec.ts.
for (const [endonym, lang] of [
  ['Nederlands', 'nl'],
  ['Deutsch', 'de'],
  ['Français', 'fr'],
  ['Español', 'es'],
] as const) {
  test(`the main screens pass an axe scan in ${endonym}`, async ({ page }) => {
    // Eight axe scans: under a minute on a quiet machine, over two on CI's busy cores.
    test.setTimeout(240_000);
    const issue = await setUpEveryScreen(page);
    await chooseLanguage(page, endonym, lang);
    for (const path of [
      '/',
      '/queue',
      issue,
      '/lost-property',
      '/lost-property/new/found',
      '/summary',
      '/follow-up',
      '/settings',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // The colours are the same in every language; accessibility.spec.ts checks their contrast.
      await expectNoViolations(page, `${path} in ${endonym}`, { colours: false });
    }
  });
}

test('the language is each person’s own on a shared phone', async ({ page }) => {
  await startAs(page, 'Anna', 'Staff');
  await chooseLanguage(page, 'Deutsch', 'de');
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  // Ben joins the phone in Anna's German, never chooses, and gets the browser's language (English).
  const form = page.getByRole('form', { name: 'Person zu diesem Handy hinzufügen' });
  await form.getByLabel('Dein Name').fill('Ben');
  await form.getByRole('button', { name: 'Zu dieser Person wechseln' }).click();
  await expect(page.getByTestId('current-staff')).toHaveText('Ben (Staff)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Anna back on the phone: German again, after a reload too.
  await page.getByRole('button', { name: /^Anna/ }).click();
  await expect(page.getByTestId('current-staff')).toHaveText('Anna (Crew)');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptmenü' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fundbüro' })).toBeVisible();
});
