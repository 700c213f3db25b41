import { expect, test } from '@playwright/test';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import { uuidV7 } from '../../src/domain/uuid-v7';
import { expectNoViolations } from './axe';
import { startServer } from './helpers';
import { logIssue, startAs } from './issue-helpers';
import { chooseLanguage, choosePseudoLocale, notUiText, untranslatedText } from './language-helpers';
import { createEventWithCodes, joinedDevice } from './sync-helpers';

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
    expect(await untranslatedText(page, allowed), `${path} shows text that is not in the catalog`).toEqual([]);
  }
});

const newId = () => uuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));

/** A change from another phone, through the sync API as its app would send it: Kim has not seen the issue's latest version. */
async function changeFromAnotherPhone(serverUrl: string, code: string, name: string, args: Record<string, unknown>) {
  const deviceId = newId();
  const headers = { 'content-type': 'application/json', [protocolHeader]: String(protocolVersion) };
  const joined = await fetch(`${serverUrl}/api/join`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code, deviceId, staffId: `staff-${name}`, staffName: name }),
  });
  expect(joined.status).toBe(200);
  const { token } = (await joined.json()) as { token: string };
  const mutation = {
    mutationId: 1,
    mutationUuid: newId(),
    name: 'setStatus',
    args,
    createdAt: new Date().toISOString(),
    actor: { id: `staff-${name}`, name },
    baseVersion: 0,
  };
  const pushed = await fetch(`${serverUrl}/api/sync/push`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${token}` },
    body: JSON.stringify({ deviceId, mutations: [mutation] }),
  });
  expect(pushed.status).toBe(200);
  expect(((await pushed.json()) as { refused: unknown[] }).refused).toEqual([]);
}

test('in the pseudo-locale, what Helptent writes for people came from the catalog too: timeline, conflicts, custody, settings changes, audit log', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const { page } = await joinedDevice(browser, server.url, codes.organizer, 'Jo');
    const summaryText = 'Charged twice at the bar';
    const note = 'Bar staff confirm two payments';
    const referral = 'Sent to the cashless team';

    // The festival settings changed: the event's own change list, and the audit log.
    const settings = page.getByRole('form', { name: 'Festival settings' });
    await settings.getByLabel('Festival day starts at').fill('05:00');
    const zones = settings.getByLabel('Zones, one per line');
    await zones.fill((await zones.inputValue()).replace('Dance tent', 'Big top'));
    await settings.getByRole('button', { name: 'Save festival settings' }).click();
    await expect(page.getByTestId('event-changes')).toContainText('zone “Dance tent” renamed to “Big top”');

    // An issue worked: taken, a note, and its status set by Kim's phone, which had not seen Jo take it.
    await logIssue(page, 'Cashless & refunds', summaryText);
    await page.getByRole('link', { name: 'Open it' }).click();
    const issuePath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Take ownership' }).click();
    await page.getByRole('form', { name: 'Add a note' }).getByRole('textbox').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });
    const issueId = issuePath.split('/').at(-1)!;
    await changeFromAnotherPhone(server.url, codes.coordinator, 'Kim', { issueId, status: 'referred', resolution: referral });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(async () => {
      await page.reload();
      await expect(timeline).toContainText('Two people changed the status', { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByLabel('New status').selectOption({ label: 'Closed' });
    await page.getByRole('button', { name: 'Close issue' }).click();
    await expect(timeline.getByRole('listitem')).toHaveCount(7);

    // A found item stored and moved: its chain of custody.
    await page.goto('/lost-property/new/found');
    await page.getByRole('radio', { name: 'Bag' }).check();
    await page.getByRole('textbox', { name: 'Brand or model' }).fill('Eastpak');
    await page.getByRole('textbox', { name: 'Bin or shelf' }).fill('B4');
    await page.getByRole('button', { name: 'Save found item' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Move to bin or shelf' }).fill('Safe');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    const custody = page.getByRole('region', { name: 'Chain of custody' }).getByRole('listitem');
    await expect(custody).toHaveCount(3);
    const itemPath = new URL(page.url()).pathname;
    await expect(page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    await choosePseudoLocale(page);
    // What people typed and named: data, not UI (longest first: each is cut out of the text in turn).
    const typed = ['Found bag (Eastpak)', summaryText, note, referral, 'Test Festival', 'Eastpak', 'Safe', 'B4', 'Kim', 'Jo'];
    const allowed = [...notUiText, ...typed];
    for (const path of [issuePath, itemPath, '/settings', '/audit', '/summary']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path === issuePath) await expect(page.locator('.timeline__entry')).toHaveCount(7);
      if (path === itemPath) await expect(page.locator('.custody li')).toHaveCount(3);
      // The settings form saves the day start and the zones as two changes.
      if (path === '/settings') await expect(page.getByTestId('event-changes').getByRole('listitem')).toHaveCount(2);
      if (path === '/audit') await expect(page.locator('.audit-list li')).toHaveCount(4);
      // The day summary quotes the conflicts among the notes worth reading.
      if (path === '/summary') await expect(page.locator('#notes-title + ul')).toContainText('[Ţŵö þéöþĺé çĥåñĝéð ţĥé');
      expect(await untranslatedText(page, allowed), `${path} shows text that is not in the catalog`).toEqual([]);
    }
    // The conflict reads in the pseudo-locale, the names and typed words in it as they were.
    await page.goto(issuePath);
    await expect(page.locator('.timeline__entry--conflict').first()).toContainText('[Ţŵö þéöþĺé çĥåñĝéð ţĥé');
  } finally {
    await server.stop('SIGKILL');
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
