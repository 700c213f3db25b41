import { expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { phoneStorageText } from './phone-database';
import { createEventWithCodes, joinedDevice, openIssue } from './sync-helpers';

// Several browsers and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

test("an urgent issue logged on a staff phone rings on the coordinators' phones; I'm on it on one clears it on the other", async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const sam = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const cas = await joinedDevice(browser, server.url, codes.coordinator, 'Cas');
    const oli = await joinedDevice(browser, server.url, codes.coordinator, 'Oli');
    for (const device of [cas, oli]) await device.page.goto('/queue');

    await sam.page.goto('/');
    await sam.page.getByRole('radio', { name: 'Safety & security' }).check();
    await sam.page.getByRole('textbox', { name: /What happened\?/ }).fill('Crush at the main gate');
    await sam.page.getByText('More details (optional)').click();
    await sam.page.getByRole('radio', { name: 'Urgent' }).check();
    await sam.page.getByRole('button', { name: 'Save issue' }).first().click();
    await expect(sam.page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();

    // Both coordinators see the banner on whatever screen they are on; the staff phone does not.
    const banner = (device: { page: import('@playwright/test').Page }) =>
      device.page.getByRole('alert').filter({ hasText: 'Crush at the main gate' });
    for (const device of [cas, oli]) await expect(banner(device)).toBeVisible({ timeout: 20_000 });
    await expect(banner(cas)).toContainText('Urgent issue');
    await expect(sam.page.getByRole('alert').filter({ hasText: 'Crush at the main gate' })).toHaveCount(0);

    await banner(cas).getByRole('button', { name: 'I’m on it' }).click();
    await expect(banner(cas)).toHaveCount(0);
    await expect(oli.page.getByRole('status').filter({ hasText: 'Cas is on it' })).toBeVisible({ timeout: 20_000 });
    await expect(banner(oli)).toHaveCount(0);
    await openIssue(oli.page, 'Crush at the main gate');
    await expect(oli.page.getByText('Owner: Cas')).toBeVisible({ timeout: 20_000 });
  } finally {
    await server.stop('SIGKILL');
  }
});

test('an alert nobody answers goes up to the organizers, never to a coordinator off duty (a minute lasts a second here)', async ({
  browser,
}) => {
  const server = await startServer({ HELPTENT_ALERT_MINUTE_MS: '1000' });
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const sam = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const jo = await joinedDevice(browser, server.url, codes.organizer, 'Jo');
    const kim = await joinedDevice(browser, server.url, codes.coordinator, 'Kim');
    // Kim goes off duty; the organizer sees which phones on duty alerts reach only while open.
    await kim.page.goto('/settings');
    await kim.page.getByRole('checkbox', { name: 'I am on duty' }).uncheck();
    await expect(kim.page.getByRole('status').filter({ hasText: 'You are off duty' })).toBeVisible();
    await jo.page.goto('/settings');
    await expect(jo.page.getByTestId('unreachable-on-duty')).toContainText('Sam');
    await kim.page.goto('/queue');
    await jo.page.goto('/queue');
    await sam.page.goto('/');
    await sam.page.getByRole('radio', { name: 'Safety & security' }).check();
    await sam.page.getByRole('textbox', { name: /What happened\?/ }).fill('Fence down at the campsite');
    await sam.page.getByText('More details (optional)').click();
    await sam.page.getByRole('radio', { name: 'Urgent' }).check();
    await sam.page.getByRole('button', { name: 'Save issue' }).first().click();
    // Nobody answers: after the urgent alert's three "minutes" it goes up to the organizers, marked so.
    const banner = jo.page.getByRole('alert').filter({ hasText: 'Fence down at the campsite' });
    await expect(banner).toBeVisible({ timeout: 45_000 });
    // The server's alert clock ticks every 15 s; the phone hears of the escalation by a poke.
    await expect(banner).toContainText('nobody answered yet', { timeout: 45_000 });
    await expect(kim.page.getByRole('alert').filter({ hasText: 'Fence down at the campsite' })).toHaveCount(0);
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a lost-person description reaches every phone, and is gone from every phone once the child is reunited', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const sam = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const kim = await joinedDevice(browser, server.url, codes.staff, 'Kim');
    const cas = await joinedDevice(browser, server.url, codes.coordinator, 'Cas');

    await sam.page.goto('/lost-person/new');
    await sam.page.getByRole('textbox', { name: 'Name' }).fill('Noah');
    await sam.page.getByRole('textbox', { name: 'Age' }).fill('about 6');
    await sam.page.getByRole('textbox', { name: 'Clothing and looks' }).fill('yellow raincoat, blue boots');
    await sam.page.getByRole('button', { name: 'Alert everyone on duty' }).click();
    await expect(sam.page.getByRole('heading', { level: 1, name: 'Lost person, about 6' })).toBeVisible();

    for (const device of [kim, cas]) {
      await expect
        .poll(async () => (await phoneStorageText(device.page)).includes('yellow raincoat'), { timeout: 30_000 })
        .toBe(true);
    }
    await openIssue(kim.page, 'Lost person, about 6');
    await expect(kim.page.getByRole('region', { name: /Lost person: still missing/ })).toContainText('yellow raincoat');

    await openIssue(cas.page, 'Lost person, about 6');
    const reunite = cas.page.getByRole('form', { name: 'Reunited' });
    await reunite.getByRole('textbox', { name: /Collected by/ }).fill('Eva de Boer');
    await reunite.getByRole('textbox', { name: /Last four characters/ }).fill('5521');
    await reunite.getByRole('button', { name: 'Record the reunion' }).click();
    await expect(cas.page.getByRole('region', { name: /Lost person: reunited/ })).toBeVisible();

    // Every phone, the reuniting one included, keeps the case but not the description or who collected the child.
    for (const device of [sam, kim, cas]) {
      await expect
        .poll(async () => /yellow raincoat|Noah|Eva de Boer/.test(await phoneStorageText(device.page)), { timeout: 30_000 })
        .toBe(false);
    }
    await expect(kim.page.getByRole('region', { name: /Lost person: reunited/ })).toContainText('description is no longer kept');
  } finally {
    await server.stop('SIGKILL');
  }
});
