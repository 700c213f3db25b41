import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { phoneStorageText } from './phone-database';
import { createEventWithCodes, joinedDevice, openIssue } from './sync-helpers';

// Several browsers and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

const robin = { name: 'Robin de Vries', email: 'robin.devries@example.org', phone: '+31 6 1234 5678' };
const traces = [robin.email, robin.name, '1234 5678'];
const tracesIn = (text: string) => traces.filter((t) => text.includes(t));

test('an organizer erases an attendee: gone from every phone (one offline meanwhile) and from the exports, with an entry in history', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const staff = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Cas');
    const away = await joinedDevice(browser, server.url, codes.coordinator, 'Oli');
    const organizer = await joinedDevice(browser, server.url, codes.organizer, 'Jo', false);

    const summary = `Robin de Vries lost her phone, call ${robin.phone}`;
    await staff.page.goto('/');
    await staff.page.getByRole('radio', { name: 'Lost property' }).check();
    await staff.page.getByRole('textbox', { name: /What happened\?/ }).fill(summary);
    await staff.page.getByText('More details (optional)').click();
    await staff.page.getByLabel('Name', { exact: true }).fill(robin.name);
    await staff.page.getByLabel('Email').fill(robin.email);
    await staff.page.getByLabel('Phone', { exact: true }).fill(robin.phone);
    await staff.page.getByRole('button', { name: 'Save issue' }).first().click();
    await expect(staff.page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toBeVisible();
    await openIssue(staff.page, 'Robin de Vries lost her phone');
    const note = staff.page.getByRole('form', { name: 'Add a note' });
    await note.getByLabel('Note').fill(`Mailed ${robin.email} about it`);
    await note.getByRole('button', { name: 'Add note' }).click();
    await expect(staff.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    // Every phone holds Robin; then one goes out of signal.
    for (const device of [coordinator, away]) {
      await expect.poll(async () => tracesIn(await phoneStorageText(device.page)), { timeout: 30_000 }).toContain(robin.email);
    }
    await away.context.setOffline(true);

    const page = organizer.page;
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Open attendee data' }).click();
    await page.getByLabel('Email, phone or name').fill(robin.email);
    await page.getByRole('button', { name: 'Find' }).click();
    const found = page.getByRole('region', { name: /What is recorded about/ });
    await expect(found.getByRole('checkbox', { name: /Robin de Vries lost her phone/ })).toBeChecked();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const pageDownload = page.waitForEvent('download');
    await found.getByRole('button', { name: 'Export what we hold (page)' }).click();
    const accessPage = readFileSync((await (await pageDownload).path())!, 'utf8');
    expect(accessPage).toContain(robin.email);
    expect(accessPage).toContain(`Mailed ${robin.email} about it`);

    page.once('dialog', (dialog) => void dialog.accept());
    await found.getByRole('button', { name: 'Erase this attendee' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Erased from 1 issue' })).toBeVisible();

    // The phones with signal hear of it at once (a poke); the one without, when it comes back.
    for (const device of [staff, coordinator, organizer]) {
      await expect.poll(async () => tracesIn(await phoneStorageText(device.page)), { timeout: 30_000 }).toEqual([]);
    }
    expect(tracesIn(await phoneStorageText(away.page))).toContain(robin.email);
    await away.context.setOffline(false);
    await expect.poll(async () => tracesIn(await phoneStorageText(away.page)), { timeout: 30_000 }).toEqual([]);

    // What is left says what happened, not what was there.
    await openIssue(coordinator.page, 'lost her phone');
    await expect(coordinator.page.getByRole('heading', { level: 1 })).toContainText('[attendee] lost her phone, call [contact]');
    await expect(coordinator.page.getByText('Attendee personal data erased on request by Jo')).toBeVisible();

    // And the server's export, as an organizer takes it from the server box.
    const out = join(tmpdir(), `helptent-erasure-export-${process.pid}.json`);
    execFileSync(
      'node_modules/.bin/tsx',
      ['src/server/cli/export-cli.ts', '--event', 'test-festival', '--kind', 'issues', '--format', 'json', '--out', out],
      { env: { ...process.env, DATABASE_URL: server.databaseUrl } },
    );
    const exported = readFileSync(out, 'utf8');
    rmSync(out);
    expect(exported).toContain('lost her phone');
    expect(tracesIn(exported)).toEqual([]);
  } finally {
    await server.stop('SIGKILL');
  }
});
