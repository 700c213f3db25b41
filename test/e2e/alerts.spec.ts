import { expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { phoneStorageText } from './phone-database';
import { createEventWithCodes, joinedDevice, openIssue } from './sync-helpers';

// Several browsers and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

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
