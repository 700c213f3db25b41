import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expectScreen } from './helpers';
import { openOffline, startAs } from './issue-helpers';

async function logFoundItem(page: Page, item: { category: string; colour: string; brand: string; place: string; bin: string }) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lost & found' }).click();
  await expectScreen(page, 'Lost property');
  await page.getByRole('link', { name: 'Log a found item' }).click();
  await expectScreen(page, 'Log a found item');
  await page.getByRole('radio', { name: item.category }).check();
  await page.getByRole('textbox', { name: 'Colour' }).fill(item.colour);
  await page.getByRole('textbox', { name: 'Brand or model' }).fill(item.brand);
  await page.getByLabel('Area where it was found').selectOption({ label: 'Main stage' });
  await page.getByRole('textbox', { name: 'Where exactly' }).fill(item.place);
  await page.getByRole('textbox', { name: 'Bin or shelf' }).fill(item.bin);
  await page.getByRole('button', { name: 'Save found item' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone. Add photos' })).toBeVisible();
}

// Several screens, a reload and two axe scans per test: well inside two minutes on a busy machine.
test.setTimeout(120_000);

/** Draws a short stroke in the signature box, as a finger would. */
async function sign(page: Page) {
  const pad = page.getByRole('img', { name: /Signature box/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2) * 15);
  await page.mouse.up();
}

test('a found item is logged offline, stored, moved and handed back with the ID checked, its custody on record', async ({
  page,
}) => {
  await openOffline(page);
  await startAs(page, 'Sam');
  await logFoundItem(page, { category: 'Phone', colour: 'black', brand: 'Samsung', place: 'Front barrier', bin: 'B4' });
  await expectScreen(page, 'Found phone (black Samsung) at Front barrier');
  const item = page.getByRole('region', { name: 'Found item' });
  await expect(item.getByText('B4', { exact: true })).toBeVisible();
  await expect(item.getByText('in storage')).toBeVisible();

  await page.getByRole('textbox', { name: 'Move to bin or shelf' }).fill('Safe');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(item.getByText('Safe', { exact: true })).toBeVisible();

  // The register lists it under its bin, after a reload (it is in IndexedDB, not in memory).
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lost & found' }).click();
  const bins = page.getByRole('region', { name: 'In storage, by bin' });
  await expect(bins.getByRole('heading', { name: 'Bin Safe' })).toBeVisible();
  await bins.getByRole('link', { name: 'Found: phone (black Samsung)' }).click();

  const handBack = page.getByRole('form', { name: 'Hand back' });
  await expectNoViolations(page, 'found item with its hand-back form');
  await handBack.getByRole('textbox', { name: /Name of the person collecting/ }).fill('Mia Jansen');
  await handBack.getByLabel('ID checked').selectOption({ label: 'Passport' });
  await handBack.getByRole('textbox', { name: /Last four characters/ }).fill('NL1234567');
  await sign(page);
  await handBack.getByRole('button', { name: 'Record hand-back' }).click();
  // A whole ID number is refused, and what was typed stays.
  await expect(handBack.getByRole('alert')).toContainText('last four');
  await expect(handBack.getByRole('textbox', { name: /Name of the person collecting/ })).toHaveValue('Mia Jansen');
  await handBack.getByRole('textbox', { name: /Last four characters/ }).fill('4567');
  await handBack.getByRole('button', { name: 'Record hand-back' }).click();

  await expect(item.getByText('handed back', { exact: true })).toBeVisible();
  await expect(item.getByText(/to Mia Jansen, Passport ending 4567 checked by Sam/)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Hand back' })).toHaveCount(0);
  const custody = page.getByRole('region', { name: 'Chain of custody' }).getByRole('listitem');
  await expect(custody).toHaveText([/^Found/, /^Stored.*Stored in B4/, /^Moved.*Moved from B4 to Safe/, /^Handed back.*signed/]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lost & found' }).click();
  await expect(page.getByRole('region', { name: 'In storage, by bin' }).getByText('No items at the desk.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Returned (1)' })).toBeVisible();
  await expectNoViolations(page, 'lost-property register');
});

test('a lost report finds the found item offline; the match puts the attendee on the follow-up list until it is handed back', async ({
  page,
}) => {
  await openOffline(page);
  await startAs(page, 'Alex', 'Coordinator');
  await logFoundItem(page, { category: 'Phone', colour: 'black', brand: 'Samsung Galaxy', place: 'Front barrier', bin: 'B4' });
  await logFoundItem(page, { category: 'Keys', colour: 'black', brand: 'VW', place: 'Car park', bin: 'K1' });

  await page.goto('/lost-property/new/lost');
  await page.getByRole('radio', { name: 'Phone' }).check();
  await page.getByRole('textbox', { name: 'Colour' }).fill('zwart');
  await page.getByRole('textbox', { name: 'Brand or model' }).fill('samsng');
  await page.getByRole('textbox', { name: 'Name' }).fill('Mia Jansen');
  await page.getByRole('textbox', { name: 'Email' }).fill('mia@example.org');
  await page.getByRole('checkbox', { name: /agrees to be contacted/ }).check();
  await page.getByRole('button', { name: 'Save lost report' }).click();
  await expectScreen(page, 'Lost phone (zwart samsng)');

  // The black Samsung phone is suggested (Dutch colour, a typo in the brand), the keys are not.
  const matches = page.getByRole('region', { name: 'Possible matches' });
  await expect(matches.getByRole('listitem')).toHaveCount(1);
  await expect(matches.getByRole('listitem')).toContainText('Found: phone (black Samsung Galaxy)');
  await expect(matches.getByRole('listitem')).toContainText('same category');
  await expectNoViolations(page, 'a lost report with its suggested matches');
  await matches.getByRole('button', { name: /Confirm match/ }).click();
  await expect(page.getByRole('region', { name: 'Lost report' }).getByText('matched with a found item')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Possible matches' })).toHaveCount(0);

  await page.goto('/follow-up');
  const itemFound = page.getByRole('region', { name: /Item found/ });
  await expect(itemFound).toContainText('Mia Jansen');

  // The found item knows its match, and handing it back returns the report and ends the follow-up.
  await page.goto('/queue');
  await page.getByRole('list', { name: 'Issues' }).getByRole('link').filter({ hasText: 'Found phone' }).click();
  await page
    .getByRole('region', { name: 'Found item' })
    .getByRole('link', { name: /Lost: phone/ })
    .waitFor();
  const handBack = page.getByRole('form', { name: 'Hand back' });
  await handBack.getByRole('textbox', { name: /Name of the person collecting/ }).fill('Mia Jansen');
  await handBack.getByLabel('ID checked').selectOption({ label: 'Identity card' });
  await handBack.getByRole('textbox', { name: /Last four characters/ }).fill('7788');
  await handBack.getByRole('radio', { name: 'Typed confirmation' }).check();
  await handBack.getByRole('textbox', { name: /Typed by the person collecting/ }).fill('I collected my phone');
  await handBack.getByRole('button', { name: 'Record hand-back' }).click();
  await expect(page.getByRole('region', { name: 'Found item' }).getByText('handed back', { exact: true })).toBeVisible();
  await page
    .getByRole('region', { name: 'Found item' })
    .getByRole('link', { name: /Lost: phone/ })
    .click();
  await expect(page.getByRole('region', { name: 'Lost report' }).getByText('returned to its owner')).toBeVisible();
  await page.goto('/follow-up');
  await expect(page.getByRole('region', { name: /Item found/ })).toHaveCount(0);
});

test('a lost person is logged offline with a description, found and reunited with the ID checked', async ({ page }) => {
  await openOffline(page);
  await startAs(page, 'Sam');
  await page.goto('/');
  await page.getByRole('radio', { name: 'Lost person' }).check();
  await page.getByRole('link', { name: 'Use the lost-person form' }).click();
  await expectScreen(page, 'Lost person');
  await page.getByRole('textbox', { name: 'Name' }).fill('Noah');
  await page.getByRole('textbox', { name: 'Age' }).fill('about 6');
  await page.getByRole('textbox', { name: 'Clothing and looks' }).fill('yellow raincoat, blue boots');
  await page.getByRole('textbox', { name: 'Last seen where exactly' }).fill('Dance tent entrance');
  await page.getByRole('textbox', { name: 'Who is looking for them' }).fill('Mother, at the info tent');
  await page.getByRole('button', { name: 'Alert everyone on duty' }).click();
  await expectScreen(page, 'Lost person, about 6');
  const person = page.getByRole('region', { name: /Lost person: still missing/ });
  await expect(person).toContainText('yellow raincoat, blue boots');
  await expect(page.locator('.badge--urgent')).toBeVisible();
  await expectNoViolations(page, 'a lost person case');

  await page.getByRole('textbox', { name: 'Where they are now' }).fill('Info tent, with steward Kim');
  await page.getByRole('button', { name: 'Mark as found' }).click();
  await expect(page.getByRole('region', { name: /Lost person: found/ })).toContainText('Info tent, with steward Kim');
  const reunite = page.getByRole('form', { name: 'Reunited' });
  await reunite.getByRole('textbox', { name: /Collected by/ }).fill('Eva de Boer');
  await reunite.getByRole('textbox', { name: 'How they are related' }).fill('mother');
  await reunite.getByLabel('ID checked').selectOption({ label: 'Driving licence' });
  await reunite.getByRole('textbox', { name: /Last four characters/ }).fill('5521');
  await reunite.getByRole('button', { name: 'Record the reunion' }).click();
  await expect(page.getByRole('region', { name: /Lost person: reunited/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Lost person: reunited/ })).toContainText('with Eva de Boer, checked by Sam');

  // The mother speaks Dutch and agrees to hear from the festival: her message quotes the
  // resolution the app wrote ("Reunited.") in Dutch, while the coordinator's screen stays English.
  const lostPerson = page.url();
  await startAs(page, 'Alex', 'Coordinator');
  await page.goto(lostPerson);
  await page.getByRole('heading', { name: 'Edit details' }).click();
  const edit = page.getByRole('form', { name: 'Edit details' });
  await edit.getByRole('textbox', { name: 'Name', exact: true }).fill('Eva de Boer');
  await edit.getByRole('textbox', { name: 'Phone', exact: true }).fill('+31 6 1234 5678');
  await edit.getByLabel('Language they speak').selectOption({ label: 'Nederlands' });
  await edit.getByRole('checkbox', { name: /agrees to be contacted/ }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  const followUp = page.getByRole('form', { name: 'Follow-up', exact: true });
  await followUp.getByRole('checkbox', { name: 'Someone should get back to the attendee' }).check();
  await followUp.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByRole('form', { name: 'Outreach' })).toBeVisible();
  await page.goto('/follow-up');
  const card = page.locator('.outreach').filter({ hasText: 'Eva de Boer' });
  await expect(card).toContainText('Written in Nederlands');
  await expect(card.locator('.outreach__message')).toContainText('Herenigd.');
  await expect(card.locator('.outreach__message')).not.toContainText('Reunited');
});
