import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { expectScreen, startServer } from './helpers';
import { openOffline, startAs } from './issue-helpers';
import { createEventForOrganizer, joinCodeFrom, joinedDevice, openIssue } from './sync-helpers';

/** Logs an issue with the attendee's email typed into the summary, moved into the contact fields. */
async function logWithContact(page: Page, summary: string, email: string, consent: boolean): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Cashless & refunds' }).check();
  const what = page.getByRole('textbox', { name: /What happened\?/ });
  await what.fill(`${summary} ${email}`);
  // The prompt offers to move it; saving would work without it all the same.
  const prompt = page.getByRole('group', { name: 'What to do with an email address in the text' });
  await prompt.getByRole('button', { name: 'Move to contact details' }).click();
  await expect(what).toHaveValue(summary);
  await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(email);
  if (consent) await page.getByRole('checkbox', { name: /agrees to be contacted/ }).check();
  await page.getByRole('button', { name: 'Save issue' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toContainText(summary);
}

async function setFollowUp(page: Page, summary: string): Promise<void> {
  await openIssue(page, summary);
  const followUp = page.getByRole('form', { name: 'Follow-up', exact: true });
  await followUp.getByRole('checkbox', { name: 'Someone should get back to the attendee' }).check();
  await followUp.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByRole('form', { name: 'Outreach' })).toBeVisible();
}

test.describe('personal data', () => {
  test.skip(({ isMobile }) => !isMobile, 'runs once, in the phone project');

  test('staff see that the contact details are held by the coordinators, and an edit leaves them there', async ({ browser }) => {
    test.setTimeout(120_000);
    const server = await startServer();
    try {
      // An organizer holds contact details as coordinators do; one command line call is quicker than three.
      const organizer = await joinedDevice(browser, server.url, createEventForOrganizer(server.databaseUrl), 'Olga');
      const staff = await joinedDevice(browser, server.url, await joinCodeFrom(organizer.page, 'Staff'), 'Sam');
      await logWithContact(organizer.page, 'Charged twice at the bar', 'robin@example.org', true);
      await expect(organizer.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

      await expect(async () => openIssue(staff.page, 'Charged twice at the bar')).toPass({ timeout: 20_000 });
      const facts = staff.page.locator('.facts');
      await expect(facts).toContainText('Contact details held by the coordinators');
      await expect(facts).not.toContainText('No contact details');
      await expect(facts).not.toContainText('robin@example.org');

      // The edit form shows no empty contact form, and saving it keeps the coordinators' copy.
      await staff.page.getByRole('heading', { name: 'Edit details' }).click();
      const edit = staff.page.getByRole('form', { name: 'Edit details' });
      await expect(edit).toContainText('Contact details held by the coordinators');
      await expect(edit.getByRole('textbox', { name: 'Email', exact: true })).toHaveCount(0);
      await edit.getByRole('textbox', { name: 'Details', exact: true }).fill('Two payments of 12 tokens');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(staff.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

      await expect(async () => {
        await openIssue(organizer.page, 'Charged twice at the bar');
        await expect(organizer.page.locator('.facts')).toContainText('Two payments of 12 tokens', { timeout: 1000 });
      }).toPass({ timeout: 20_000 });
      await expect(organizer.page.locator('.facts')).toContainText('robin@example.org');
    } finally {
      await server.stop();
    }
  });

  test('follow-ups need consent, and the summary, the filter, the list and the export count the same', async ({ page }) => {
    test.setTimeout(120_000);
    await openOffline(page);
    await startAs(page, 'Olga', 'Organizer');
    await logWithContact(page, 'Refund for a lost token', 'kim@example.org', true);
    await logWithContact(page, 'Wants an apology', 'lee@example.org', false);
    await logWithContact(page, 'Card charged twice', 'ash@example.org', false);
    await setFollowUp(page, 'Refund for a lost token');

    // Without consent the follow-up form offers to record consent first, not a follow-up.
    await openIssue(page, 'Card charged twice');
    const section = page.getByRole('region', { name: 'Follow-up', exact: true });
    await expect(section).toContainText('A follow-up needs the attendee’s consent');
    await expect(section.getByRole('checkbox', { name: 'Someone should get back to the attendee' })).toHaveCount(0);
    await section.getByRole('button', { name: 'They agree to be contacted' }).click();
    await expect(section.getByRole('checkbox', { name: 'Someone should get back to the attendee' })).toBeVisible();
    await setFollowUp(page, 'Card charged twice');

    // A follow-up marked through the status, without consent: marked, but counted nowhere.
    await openIssue(page, 'Wants an apology');
    await page.getByLabel('New status').selectOption({ label: 'Resolved' });
    await page.getByRole('textbox', { name: /Resolution/ }).fill('Apologised in person');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByLabel('New status').selectOption({ label: 'Follow-up' });
    await expect(page.getByText('this follow-up is not counted or listed')).toBeVisible();
    await page.getByRole('button', { name: 'Change status' }).click();
    await expect(page.getByRole('heading', { name: 'Status: Follow-up' })).toBeVisible();
    await expect(section).toContainText('so the follow-up marked here is not counted or listed');

    await page.goto('/summary');
    await expectScreen(page, 'Day summary');
    const day = await page.getByLabel('Festival day').inputValue();
    const figure = page
      .getByRole('list', { name: 'The day in figures' })
      .getByRole('listitem')
      .filter({ hasText: 'follow-ups due' });
    await expect(figure.locator('.figure__value')).toHaveText('2');

    const exports = page.getByRole('region', { name: 'Exports' });
    await exports.getByLabel('Which days').selectOption(day);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exports.getByRole('button', { name: 'Follow-up list (CSV)' }).click(),
    ]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((row) => row.attendee_email).sort()).toEqual(['ash@example.org', 'kim@example.org']);

    await figure.getByRole('link').click();
    await expectScreen(page, 'Issue queue');
    await expect(page).toHaveURL(new RegExp(`day=${day}`));
    await expect(page.getByRole('status').filter({ hasText: /^\d+ issues?/ })).toHaveText('2 issues of 3');
    await expect(page.getByRole('list', { name: 'Issues' }).getByRole('link')).toHaveText([
      /Card charged twice/,
      /Refund for a lost token/,
    ]);

    await page.goto('/follow-up');
    await expectScreen(page, 'Follow-up outreach');
    await expect(page.getByText('2 attendees are waiting for a follow-up.')).toBeVisible();
    await expect(page.locator('.outreach')).toHaveCount(2);
  });
});
