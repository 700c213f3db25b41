import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { expectScreen } from './helpers';
import { openOffline, startAs } from './issue-helpers';

let demoFile = '';
test.beforeAll(() => {
  demoFile = join(mkdtempSync(join(tmpdir(), 'helptent-demo-')), 'demo.json');
  execFileSync('node_modules/.bin/tsx', ['tools/demo/seed.ts', '--count', '400', '--seed', '5', '--out', demoFile], {
    stdio: 'pipe',
  });
});

/** A coordinator's device, offline, holding a demo festival loaded from a file. */
async function coordinatorWithDemo(page: Page, role: 'Coordinator' | 'Organizer' = 'Coordinator'): Promise<void> {
  await openOffline(page);
  await startAs(page, 'Robin', role);
  await page.getByLabel(/Load demo festival data/).setInputFiles(demoFile);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded 400 issues' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/summary');
  await expectScreen(page, 'Day summary');
  await page.getByLabel('Festival day').selectOption('2026-07-10');
}

function figure(page: Page, label: string) {
  return page.getByRole('list', { name: 'The day in figures' }).getByRole('listitem').filter({ hasText: label });
}

test('the day summary works offline from the issues on the device, and each figure leads to the queue', async ({ page }) => {
  await coordinatorWithDemo(page);
  const logged = figure(page, 'issues logged');
  await expect(logged).toContainText(/\d+/);
  const count = Number((await logged.locator('.figure__value').textContent())!);
  expect(count).toBeGreaterThan(50);
  await expect(page.getByRole('img', { name: /Busiest hour/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'How attendees left' })).toContainText(/left happier/);

  await logged.getByRole('link').click();
  await expectScreen(page, 'Issue queue');
  await expect(page.getByText(new RegExp(`^${count.toLocaleString('en-US')} issues`))).toBeVisible();

  await page.goto('/summary');
  await page.getByLabel('Festival day').selectOption('2026-07-10');
  await page.getByRole('region', { name: 'Where and when' }).getByRole('link', { name: 'Lost property' }).click();
  await expect(page).toHaveURL(/category=lost-property/);
  await expect(page).toHaveURL(/day=2026-07-10/);

  // An hour of the load chart, from its table, to exactly that hour's issues.
  await page.goto('/summary');
  await page.getByLabel('Festival day').selectOption('2026-07-10');
  const where = page.getByRole('region', { name: 'Where and when' });
  await where.getByText('As a table').click();
  const hourRow = where.getByRole('row').filter({ has: page.getByRole('link', { name: '14:00' }) });
  const inHour = Number(await hourRow.getByRole('cell').textContent());
  expect(inHour).toBeGreaterThan(0);
  await hourRow.getByRole('link', { name: '14:00' }).click();
  await expect(page).toHaveURL(/hour=14/);
  await expect(page.getByLabel('Hour logged')).toHaveValue('14');
  await expect(page.getByText(new RegExp(`^${inHour} issues? of`))).toBeVisible();
});

test('a follow-up goes from pending to sent to replied, for consenting attendees only', async ({ page }) => {
  await coordinatorWithDemo(page);
  await page.goto('/follow-up');
  await expectScreen(page, 'Follow-up outreach');
  const card = page
    .locator('.outreach')
    .filter({ has: page.getByRole('button', { name: /^Mark sent/ }) })
    .first();
  const name = (await card.locator('strong').textContent())!;
  await card.getByRole('button', { name: /^Mark sent/ }).click();
  const same = page.locator('.outreach').filter({ hasText: name }).first();
  await expect(same).toContainText('Sent');
  await same.getByRole('button', { name: /^Mark replied/ }).click();
  await expect(page.locator('.outreach').filter({ hasText: name }).first()).toContainText('Replied');
  await expect(page.getByRole('link', { name: /^(Email|Text) / }).first()).toHaveAttribute('href', /^(mailto|sms):/);
});

test('an organizer downloads the day as CSV and it parses with the right rows', async ({ page }) => {
  await coordinatorWithDemo(page, 'Organizer');
  const count = Number((await figure(page, 'issues logged').locator('.figure__value').textContent())!);
  const exports = page.getByRole('region', { name: 'Exports' });
  await exports.getByLabel('Which days').selectOption('2026-07-10');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Issues (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('helptent-demo-festival-2026-2026-07-10-issues.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(count);
  expect(new Set(parsed.data.map((r) => r.festival_day))).toEqual(new Set(['2026-07-10']));

  const [followUp] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Follow-up list (CSV)' }).click(),
  ]);
  const rows = Papa.parse<Record<string, string>>(readFileSync((await followUp.path())!, 'utf8').slice(1), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.consent_at).not.toBe('');
  await expect(exports.getByRole('status')).toContainText('not logged');
});

test('the day report prints to a clean PDF on A4 and Letter', async ({ page, browserName }) => {
  test.skip(browserName !== 'chromium');
  await coordinatorWithDemo(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { name: /— 2026-07-10$/ })).toBeVisible();
  await expect(figure(page, 'issues logged')).toBeVisible();
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length, format).toBeGreaterThan(30_000);
  }
});

test('a staff device cannot open the summary’s exports or the follow-up list', async ({ page }) => {
  await openOffline(page);
  await startAs(page, 'Sam', 'Staff');
  for (const path of ['/summary', '/follow-up', '/pr-risk', '/evangelists']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toContainText('Only coordinators and organizers can open this');
    await expect(page.getByRole('button', { name: /CSV/ })).toHaveCount(0);
  }
});

test('the coordinator screens pass an axe scan, day and night', async ({ page }) => {
  // Eight axe scans over the demo festival: about 20 s on a quiet machine, a minute on a busy one.
  test.setTimeout(180_000);
  await coordinatorWithDemo(page, 'Organizer');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/summary', '/follow-up', '/pr-risk', '/evangelists']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(/^(Loading|Adding up)/)).toHaveCount(0);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(
        results.violations.map(
          (v) => `${path} ${colorScheme}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
      ).toEqual([]);
    }
  }
});
