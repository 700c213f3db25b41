import { expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { createEventWithCodes, joinedDevice, logIssue, openIssue } from './sync-helpers';

// Several browsers and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

test('a coordinator renames a zone and moves the day start: every phone shows it, and the coordinator keeps it', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex');
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');

    const settings = coordinator.page.getByRole('form', { name: 'Festival settings' });
    await settings.getByLabel('Festival day starts at').fill('05:00');
    const zones = settings.getByLabel('Zones, one per line');
    await zones.fill((await zones.inputValue()).replace('Dance tent', 'Big top'));
    await settings.getByRole('button', { name: 'Save festival settings' }).click();
    await expect(settings).toContainText('every phone gets it when it syncs');
    await expect(coordinator.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    // The staff phone learns it from the server (a poke, or its next sync), without anyone reloading.
    await phone.page.goto('/settings');
    await expect(phone.page.getByRole('region', { name: 'Festival' })).toContainText('05:00', { timeout: 30_000 });
    await phone.page.goto('/queue');
    await phone.page.getByText('Filters').click();
    await expect(phone.page.getByLabel('Zone').getByRole('option', { name: 'Big top' })).toHaveCount(1);
    await expect(phone.page.getByLabel('Zone').getByRole('option', { name: 'Dance tent' })).toHaveCount(0);

    // The coordinator's own phone keeps it after syncing again, and says who changed what.
    await coordinator.page.reload();
    await expect(coordinator.page.getByTestId('sync-line')).toContainText('Synced', { timeout: 20_000 });
    const again = coordinator.page.getByRole('form', { name: 'Festival settings' });
    await expect(again.getByLabel('Festival day starts at')).toHaveValue('05:00');
    await expect(again.getByLabel('Zones, one per line')).toHaveValue(/Big top/);
    await expect(coordinator.page.getByTestId('event-changes')).toContainText('Alex');
    await expect(coordinator.page.getByTestId('event-changes')).toContainText('zone “Dance tent” renamed to “Big top”');
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a coordinator hands an issue to someone who joined on another phone, picked from a list; it is under their "Mine"', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const sam = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const kim = await joinedDevice(browser, server.url, codes.staff, 'Kim');
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex');
    await logIssue(sam.page, 'Lost property', 'Black wallet lost at the bar');
    await expect(sam.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    await expect(async () => openIssue(coordinator.page, 'Black wallet lost at the bar')).toPass({ timeout: 30_000 });
    await coordinator.page.getByText('Hand over to someone else').click();
    const handOver = coordinator.page.getByRole('form', { name: 'Hand over' });
    const picker = handOver.getByLabel('Hand over to');
    // The people who joined the event, not names typed on this phone; no free-text "someone else".
    await expect(picker.getByRole('option')).toHaveText(['Alex (Coordinator)', 'Kim (Staff)', 'Sam (Staff)']);
    await picker.selectOption({ label: 'Kim (Staff)' });
    await handOver.getByLabel('Handover note').fill('Owner described it: black leather, festival wristband inside');
    await handOver.getByRole('button', { name: 'Hand over' }).click();
    await expect(coordinator.page.getByText('Kim owns this issue.')).toBeVisible();

    await expect(async () => {
      await kim.page.goto('/queue?mine=1');
      await expect(kim.page.getByRole('list', { name: 'Issues' })).toContainText('Black wallet lost at the bar', {
        timeout: 1000,
      });
    }).toPass({ timeout: 30_000 });
  } finally {
    await server.stop('SIGKILL');
  }
});

test('what a coordinator phone allows follows the role the server granted: no "Organizer" can be added, none is believed', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex');
    const page = coordinator.page;
    await expect(page.getByTestId('current-staff')).toHaveText('Alex (Coordinator)');
    await expect(page.getByLabel('Your role')).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Add a person to this phone' })).toHaveCount(0);

    // Even a person record edited on the phone to say "organizer" does not raise what it allows.
    await page.evaluate(async () => {
      const request = indexedDB.open('helptent');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('meta', 'readwrite');
      const store = tx.objectStore('meta');
      const staff = await new Promise<{ key: string; value: { current: { role: string } } }>((resolve) => {
        const get = store.get('staff');
        get.onsuccess = () => resolve(get.result);
      });
      staff.value.current.role = 'organizer';
      store.put(staff);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await page.goto('/summary');
    await expect(page.getByRole('heading', { level: 1, name: 'Day summary' })).toBeVisible();
    await expect(page.getByText(/^(Loading|Adding up)/)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Exports' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /CSV/ })).toHaveCount(0);
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a zone removed offline that the server knows still has issues is refused: the zone comes back and the reason shows until read', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex');
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');

    // The coordinator loses signal before the staff phone logs an issue at the car park.
    await coordinator.context.setOffline(true);
    await phone.page.goto('/');
    await phone.page.getByRole('radio', { name: 'Transport & parking' }).check();
    await phone.page.getByRole('textbox', { name: /What happened\?/ }).fill('Car blocked in at the car park');
    await phone.page.getByText('More details (optional)').click();
    await phone.page.getByLabel('Zone').selectOption({ label: 'Car park' });
    await phone.page.getByRole('button', { name: 'Save issue' }).first().click();
    await expect(phone.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    // Offline, the coordinator's phone knows no issue there, so it lets the zone go…
    await coordinator.page.goto('/settings');
    const settings = coordinator.page.getByRole('form', { name: 'Festival settings' });
    const zones = settings.getByLabel('Zones, one per line');
    await zones.fill((await zones.inputValue()).replace('Car park\n', '').replace(/\nCar park$/, ''));
    await settings.getByRole('button', { name: 'Save festival settings' }).click();
    await expect(settings).toContainText('every phone gets it when it syncs');

    // …and the server, which does, refuses it with its reason once signal is back.
    await coordinator.context.setOffline(false);
    const festival = coordinator.page.getByRole('region', { name: 'Festival' });
    await expect(festival).toContainText('The zone “Car park” still has 1 issue, so it cannot be removed', { timeout: 30_000 });
    await expect(coordinator.page.getByTestId('sync-line')).toContainText('1 change refused');
    await coordinator.page.reload();
    await expect(coordinator.page.getByRole('form', { name: 'Festival settings' }).getByLabel('Zones, one per line')).toHaveValue(
      /Car park/,
    );
    await coordinator.page.getByRole('region', { name: 'Festival' }).getByRole('button', { name: 'I have read this' }).click();
    await expect(coordinator.page.getByTestId('sync-line')).not.toContainText('refused');
    await expect(
      coordinator.page.getByRole('region', { name: 'Sync with the server' }).getByRole('link', { name: 'setZones' }),
    ).toHaveAttribute('href', '/settings#festival-title');
  } finally {
    await server.stop('SIGKILL');
  }
});

test('settings another coordinator changed arrive in an open settings form, and what was typed there stays', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const alex = await joinedDevice(browser, server.url, codes.coordinator, 'Alex');
    const kim = await joinedDevice(browser, server.url, codes.coordinator, 'Kim');
    const kimsForm = kim.page.getByRole('form', { name: 'Festival settings' });
    await kimsForm.getByLabel('Festival name').fill('Dijkdrift 2026');

    const alexsForm = alex.page.getByRole('form', { name: 'Festival settings' });
    await alexsForm.getByLabel('Festival day starts at').fill('07:00');
    await alexsForm.getByRole('button', { name: 'Save festival settings' }).click();
    await expect(alex.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    await expect(kimsForm.getByLabel('Festival day starts at')).toHaveValue('07:00', { timeout: 30_000 });
    await expect(kimsForm.getByLabel('Festival name')).toHaveValue('Dijkdrift 2026');
  } finally {
    await server.stop('SIGKILL');
  }
});
