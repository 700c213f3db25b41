import { expect, test } from '@playwright/test';
import { expectScreen } from './helpers';
import { logIssue, openOffline, startAs } from './issue-helpers';
import { readPhoneDatabase } from './phone-database';

test.describe('logging and working issues with no signal', () => {
  test('an issue logged offline in three taps is still there after a reload', async ({ page }) => {
    await openOffline(page);
    await page.goto('/');
    // First use: the phone asks who is logging.
    await page.getByLabel('Your name').fill('Sam');
    await page.getByRole('button', { name: 'Start logging' }).click();

    await page.getByRole('radio', { name: 'Lost property' }).check(); // tap 1
    await page.getByRole('textbox', { name: /What happened\?/ }).fill('Black phone lost near the main stage'); // tap 2 + typing
    await page.getByRole('button', { name: 'Save issue' }).first().click(); // tap 3
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: /What happened\?/ })).toHaveValue('');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    const list = page.getByRole('list', { name: 'Issues' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('link')).toContainText('Black phone lost near the main stage');
    await expect(list.getByRole('link')).toContainText('No owner');
    await page.goto('/settings');
    await expect(page.getByTestId('pending-changes')).toHaveText(
      '1 change is saved on this phone and waiting to be sent to the server.',
    );
  });

  test('a summary pasted past its limit stops there, says so, and saves', async ({ page }) => {
    await openOffline(page);
    await startAs(page, 'Sam');
    await page.goto('/');
    const summary = page.getByRole('textbox', { name: /What happened\?/ });
    await summary.click();
    await page.keyboard.insertText(`Stage barrier bent near the front left; ${'crowd pushing hard, '.repeat(12)}`);
    // The change would be refused past 200 characters: the field does not take them.
    await expect(summary).toHaveValue(/^Stage barrier bent/);
    expect((await summary.inputValue()).length).toBe(200);
    await expect(page.getByText('200 of 200 characters')).toBeVisible();
    await page.getByRole('radio', { name: 'Safety & security' }).check();
    await page.getByRole('button', { name: 'Save issue' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
    await expect(page.getByText('200 of 200 characters')).toBeHidden();
  });

  test('an issue is taken, handed over with a note, and closed with the attendee’s mood', async ({ page }) => {
    await openOffline(page);
    await startAs(page, 'Alex');
    await startAs(page, 'Sam');
    await logIssue(page, 'Cashless & refunds', 'Top-up charged twice');
    // What Sam just used (fourth in the list) is offered first next time.
    await expect(
      page
        .getByRole('group', { name: /^Category/ })
        .getByRole('radio')
        .first(),
    ).toHaveAccessibleName('Cashless & refunds');

    await page.getByRole('link', { name: 'Open it' }).click();
    await expectScreen(page, 'Top-up charged twice');
    await expect(page.getByText('No owner yet')).toBeVisible();

    await page.getByRole('button', { name: 'Take ownership' }).click();
    await expect(page.getByText('Owner: Sam')).toBeVisible();

    await page.getByRole('textbox', { name: 'What did we tell them?' }).fill('Refund within 5 working days');
    await page.getByRole('button', { name: 'Record' }).click();

    await page.getByText('Hand over to someone else').click();
    await page.getByLabel('Hand over to').selectOption({ label: 'Alex' });
    await page.getByRole('textbox', { name: /Handover note/ }).fill('Waiting for the cashless team to confirm');
    await page.getByRole('button', { name: 'Hand over', exact: true }).click();
    await expect(page.getByText('Owner: Alex')).toBeVisible();

    await page.getByLabel('New status').selectOption({ label: 'Closed' });
    await page.getByRole('textbox', { name: /Resolution/ }).fill('Double charge refunded');
    await page.getByRole('radio', { name: 'Satisfied' }).check();
    await page.getByRole('button', { name: 'Close issue' }).click();
    await expect(page.getByRole('heading', { name: 'Status: Closed' })).toBeVisible();

    const timeline = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
    await expect(timeline).toHaveText([
      /Sam: Logged by Sam$/,
      /Sam: Sam took ownership$/,
      /Sam: Recorded what we told the attendee\s*Refund within 5 working days$/,
      /Sam: Handed over from Sam to Alex\s*Waiting for the cashless team to confirm$/,
      /Sam: Status: in progress → closed; attendee left satisfied\s*Double charge refunded$/,
    ]);
    // It survives a reload: every step was written to the phone's database.
    await page.reload();
    await expect(page.getByText('Owner: Alex')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(5);
  });

  test('a closed issue without a resolution is refused with the reason, and the form keeps its text', async ({ page }) => {
    await openOffline(page);
    await startAs(page, 'Sam');
    await logIssue(page, 'Camping', 'Tent flooded');
    await page.getByRole('link', { name: 'Open it' }).click();
    await page.getByLabel('New status').selectOption({ label: 'Closed' });
    await page.getByRole('radio', { name: 'Upset' }).check();
    await page.getByRole('button', { name: 'Close issue' }).click();
    await expect(page.getByRole('alert')).toHaveText('Write what was done (the resolution) before setting the issue to closed.');
    await expect(page.getByRole('radio', { name: 'Upset' })).toBeChecked();
    await expect(page.getByRole('heading', { name: 'Status: Open' })).toBeVisible();
  });

  test('a page killed mid-typing reopens with the draft', async ({ page, context }) => {
    await openOffline(page);
    await startAs(page, 'Sam');
    await page.goto('/');
    await page.getByRole('radio', { name: 'Lost person' }).check();
    const summary = page.getByRole('textbox', { name: /What happened\?/ });
    await summary.pressSequentially('Girl, 8, red coat, last seen at', { delay: 10 });
    await page.waitForTimeout(500);
    // Killed while typing on: only keystrokes from the very last moment may still be in flight.
    await summary.pressSequentially(' the dance tent', { delay: 10 });
    await page.close({ runBeforeUnload: false });

    const reopened = await context.newPage();
    await reopened.goto('/');
    const restored = reopened.getByRole('textbox', { name: /What happened\?/ });
    await expect(restored).toHaveValue(/^Girl, 8, red coat, last seen at/);
    expect('Girl, 8, red coat, last seen at the dance tent'.startsWith(await restored.inputValue())).toBe(true);
    await expect(reopened.getByRole('radio', { name: 'Lost person' })).toBeChecked();
  });

  test('a full phone is reported plainly, keeps the text, and saves once space is back', async ({ page }) => {
    await page.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
        if ((window as unknown as { failQuota?: boolean }).failQuota) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return add.apply(this, args);
      };
    });
    await openOffline(page);
    await startAs(page, 'Sam');
    await page.goto('/');
    await page.getByRole('radio', { name: 'Accessibility' }).check();
    await page.getByRole('textbox', { name: /What happened\?/ }).fill('Wheelchair platform full at main stage');
    await page.evaluate(() => {
      (window as unknown as { failQuota?: boolean }).failQuota = true;
    });
    await page.getByRole('button', { name: 'Save issue' }).first().click();
    await expect(page.getByRole('alert')).toContainText('out of storage space');
    await expect(page.getByRole('textbox', { name: /What happened\?/ })).toHaveValue('Wheelchair platform full at main stage');

    await page.evaluate(() => {
      (window as unknown as { failQuota?: boolean }).failQuota = false;
    });
    await page.getByRole('button', { name: 'Save issue' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
    await page.goto('/queue');
    await expect(page.getByRole('list', { name: 'Issues' }).getByRole('listitem')).toHaveCount(1);
  });

  test('when the phone cannot keep what is typed, the form says so, and stops saying so once it can', async ({ page }) => {
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'drafts' && (window as unknown as { failQuota?: boolean }).failQuota) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
    });
    await openOffline(page);
    await startAs(page, 'Sam');
    await page.goto('/');
    await page.evaluate(() => {
      (window as unknown as { failQuota?: boolean }).failQuota = true;
    });
    const summary = page.getByRole('textbox', { name: /What happened\?/ });
    await summary.fill('Lost child near the food court');
    await expect(page.getByTestId('draft-problem')).toContainText('out of storage space, so what you type is not kept');
    await expect(summary).toHaveValue('Lost child near the food court');
    await page.evaluate(() => {
      (window as unknown as { failQuota?: boolean }).failQuota = false;
    });
    await summary.press('End');
    await summary.pressSequentially(', blue cap');
    await expect(page.getByTestId('draft-problem')).toHaveCount(0);
    // The draft is kept at most one write behind the form (draft-writer.ts): the first write that
    // worked clears the message, and the last keystrokes are stored a write later.
    await expect.poll(async () => (await readPhoneDatabase(page)).drafts).toContain('blue cap');
    await page.reload();
    await expect(page.getByRole('textbox', { name: /What happened\?/ })).toHaveValue('Lost child near the food court, blue cap');
  });
});

test('the issue screen does not move under the finger once it shows', async ({ page }) => {
  // Parts that arrived after the issue (the photo button, from a second database read) pushed
  // every form below them down the page: a tap meant for "They agree to be contacted" landed on text.
  await openOffline(page);
  await startAs(page, 'Sam');
  await logIssue(page, 'Cashless & refunds', 'Card charged twice');
  const href = await page.getByRole('link', { name: 'Open it' }).getAttribute('href');
  await page.addInitScript(() => {
    type Shift = { at: number; moved: string[] };
    type LayoutShift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    const seen = { shifts: [] as Shift[], shownAt: Number.POSITIVE_INFINITY };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map(
          (s) => `${(s.node as Element | undefined)?.outerHTML?.slice(0, 80)}: ${s.previousRect.y} → ${s.currentRect.y}`,
        );
        seen.shifts.push({ at: entry.startTime, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // When the issue's last form is first on the screen: from then on, nothing may move.
    new MutationObserver(() => {
      if (seen.shownAt === Number.POSITIVE_INFINITY && document.querySelector('#follow-up-title')) {
        requestAnimationFrame(() => {
          seen.shownAt = performance.now();
        });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(href!);
  await expect(page.getByRole('region', { name: 'Follow-up', exact: true })).toBeVisible();
  // Everything the screen loads by itself is there: the photo button and the sync state.
  await expect(page.getByRole('button', { name: 'Add photos' })).toBeVisible();
  await expect(page.getByTestId('issue-sync')).toHaveText('Saved on this phone — 1 change not on the server yet');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const seen = await page.evaluate(
    () => (window as unknown as { seen: { shifts: { at: number; moved: string[] }[]; shownAt: number } }).seen,
  );
  expect(
    seen.shifts.filter((shift) => shift.at > seen.shownAt),
    'layout shifts after the issue screen showed',
  ).toEqual([]);
});
