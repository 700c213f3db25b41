import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { startServer } from './helpers';
import { readPhoneDatabase } from './phone-database';
import { createEventWithCodes, joinedDevice, logIssue } from './sync-helpers';

// Several browsers and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

const robin = { name: 'Robin Jansen', email: 'robin.jansen@example.org', phone: '+31 6 1234 5678' };
/** Kim's number, typed into an issue the server never gets before the phone is signed out. */
const unsentPhone = '06 8765 4321';

/** Logs an issue with Robin in the contact fields and the summary, and waits until the server has it. */
async function logSyncedIssueAboutRobin(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Lost property' }).check();
  await page.getByRole('textbox', { name: /What happened\?/ }).fill(`Robin lost a wallet, mail ${robin.email}`);
  await page.getByText('More details (optional)').click();
  const contact = page.getByRole('group', { name: 'Attendee contact' });
  await contact.getByLabel('Name').fill(robin.name);
  await contact.getByLabel('Email').fill(robin.email);
  await contact.getByLabel('Phone').fill(robin.phone);
  await page.getByRole('button', { name: 'Save issue' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
  await expect(page.getByTestId('sync-line')).toContainText(/Synced .*nothing waiting/, { timeout: 15_000 });
}

/** The server is out of reach for pushes: the next issue stays in the outbox. */
async function logUnsyncedIssue(page: Page): Promise<void> {
  await page.route('**/api/sync/push', (route) => route.abort());
  await logIssue(page, 'Tickets & wristbands', `Call Kim back on ${unsentPhone}`);
  await expect(page.getByTestId('sync-line')).toContainText('1 waiting', { timeout: 15_000 });
}

/** An organizer's device token, joined over HTTP: one browser fewer for a test that only signs a phone out. */
async function joinOrganizer(baseUrl: string, code: string): Promise<string> {
  const answer = await fetch(`${baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId: randomUUID(), staffId: 'staff-jo', staffName: 'Jo' }),
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { token: string }).token;
}

/** Robin's details are nowhere on the phone; Kim's number only in the kept-aside unsent change. */
async function expectOnlyTheUnsentChangeHoldsContactDetails(page: Page): Promise<void> {
  const stores = await readPhoneDatabase(page);
  expect(Object.keys(stores)).toEqual(expect.arrayContaining(['issues', 'queue', 'queuePages', 'unsentChanges', 'meta']));
  for (const [store, json] of Object.entries(stores)) {
    for (const detail of [robin.email, robin.phone, 'Robin', '1234 5678']) {
      expect(json, `${store} holds ${detail}`).not.toContain(detail);
    }
    if (store !== 'unsentChanges') expect(json, `${store} holds Kim's number`).not.toContain(unsentPhone);
  }
  expect(stores.unsentChanges).toContain(unsentPhone);
}

test('a phone signed out clears attendee data and keeps what was unsynced', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    await logSyncedIssueAboutRobin(phone.page);
    await logUnsyncedIssue(phone.page);
    expect((await readPhoneDatabase(phone.page)).issues).toContain(robin.email);

    // The organizer signs it out (the Devices list's button makes this request; sync.spec.ts clicks it).
    await phone.page.goto('/settings');
    const deviceIdCode = phone.page.getByRole('region', { name: 'App' }).locator('code');
    await expect(deviceIdCode).toHaveText(/^[0-9a-f-]{36}$/);
    const deviceId = await deviceIdCode.textContent();
    const organizer = await joinOrganizer(server.url, codes.organizer);
    const revoked = await fetch(`${server.url}/api/devices/${deviceId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(revoked.status).toBe(200);

    // Its next contact is the poke stream, closed for the sign-out: no push gets through meanwhile.
    await expect(phone.page.getByTestId('sync-line')).toContainText(
      'An organizer signed this phone out of the event, and the attendee details it held were removed',
      { timeout: 15_000 },
    );
    await expectOnlyTheUnsentChangeHoldsContactDetails(phone.page);

    await phone.page.goto('/settings');
    const notice = phone.page.getByTestId('signed-out');
    await expect(notice).toContainText('An organizer signed this phone out');
    await expect(notice).toContainText('The attendee details it held were removed.');
    await expect(phone.page.getByTestId('kept-changes')).toHaveText(
      '1 change kept on this phone because it was signed out; they are sent if an organizer lets it back in.',
    );
  } finally {
    await server.stop('SIGKILL');
  }
});

test('"Sign out and clear this phone" warns about what is not synced, and keeps it when cleared anyway', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    await logSyncedIssueAboutRobin(phone.page);
    await logUnsyncedIssue(phone.page);

    await phone.page.goto('/settings');
    await phone.page.getByRole('button', { name: 'Sign out and clear this phone' }).click();
    const ask = phone.page.getByRole('group', { name: 'Sign out and clear this phone' });
    await expect(ask.getByTestId('unsynced-warning')).toContainText('1 change on this phone is not on the server yet');
    await expect(ask.getByRole('button', { name: 'Sync now' })).toBeVisible();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toHaveCount(0);

    await phone.page.getByRole('button', { name: 'Sign out and clear this phone' }).click();
    await ask.getByRole('button', { name: 'Clear anyway, keeping 1 change' }).click();
    await expect(phone.page.getByTestId('cleared')).toContainText(
      '1 change kept on this phone because it was signed out are sent if an organizer lets it back in',
    );
    await expect(phone.page.getByTestId('kept-changes')).toContainText('1 change kept on this phone because it was signed out');
    await expect(phone.page.getByTestId('sync-line')).toContainText('This phone was signed out at the end of a shift');
    await expectOnlyTheUnsentChangeHoldsContactDetails(phone.page);
  } finally {
    await server.stop('SIGKILL');
  }
});

test('with everything synced, "Sign out and clear this phone" leaves it ready for the next person’s code', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    await logSyncedIssueAboutRobin(phone.page);
    await phone.page.goto('/settings');
    const deviceIdCode = phone.page.getByRole('region', { name: 'App' }).locator('code');
    await expect(deviceIdCode).toHaveText(/^[0-9a-f-]{36}$/);
    const deviceIdBefore = await deviceIdCode.textContent();

    await phone.page.getByRole('button', { name: 'Sign out and clear this phone' }).click();
    const ask = phone.page.getByRole('group', { name: 'Sign out and clear this phone' });
    await expect(ask).toContainText('Everything on this phone has reached the server.');
    await ask.getByRole('button', { name: 'Sign out and clear' }).click();
    await expect(phone.page.getByTestId('cleared')).toContainText('This phone is clear');
    await expect(phone.page.getByRole('form', { name: 'Join your event' })).toBeVisible();
    await expect(phone.page.getByTestId('current-staff')).toHaveText('Nobody yet: add yourself below.');
    await expect(deviceIdCode).not.toHaveText(deviceIdBefore ?? '');
    const stores = await readPhoneDatabase(phone.page);
    expect(stores.issues).toBe('[]');
    for (const json of Object.values(stores)) expect(json).not.toContain(robin.email);

    // The next person joins with their own code.
    const join = phone.page.getByRole('form', { name: 'Join your event' });
    await join.getByLabel('Join code').fill(codes.staff);
    await join.getByLabel('Your name').fill('Kim');
    await join.getByRole('button', { name: 'Join' }).click();
    await expect(phone.page.getByTestId('last-synced')).not.toHaveText('not yet', { timeout: 15_000 });
    await expect(phone.page.getByTestId('current-staff')).toHaveText('Kim (Staff)');
  } finally {
    await server.stop('SIGKILL');
  }
});
