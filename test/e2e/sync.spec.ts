import { devices, expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { createEventWithCodes, joinedDevice, logIssue, openIssue } from './sync-helpers';

// Several browsers and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

test('two phones offline and a coordinator converge, and the conflict is visible', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const a = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const b = await joinedDevice(browser, server.url, codes.staff, 'Kim');
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex', false);

    await logIssue(a.page, 'Cashless & refunds', 'Charged twice at the bar');
    await expect(a.page.getByTestId('sync-line')).toContainText('nothing waiting');
    // Phone B sees it without anyone reloading.
    await expect(async () => {
      await openIssue(b.page, 'Charged twice at the bar');
    }).toPass({ timeout: 20_000 });

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    for (const summary of ['Lost keys at the campsite', 'Tent flooded in campsite south', 'Wheelchair platform full']) {
      await logIssue(a.page, 'Lost property', summary);
    }
    await openIssue(a.page, 'Charged twice at the bar');
    await a.page.getByRole('form', { name: 'Add a note' }).getByRole('textbox').fill('Bar staff confirm two payments');
    await a.page.getByRole('button', { name: 'Add note' }).click();
    await a.page.getByLabel('New status').selectOption({ label: 'Closed' });
    await a.page.getByRole('textbox', { name: /Resolution/ }).fill('Refunded one payment');
    await a.page.getByRole('button', { name: 'Close issue' }).click();
    await expect(a.page.getByTestId('issue-sync')).toContainText('not on the server yet');

    await openIssue(b.page, 'Charged twice at the bar');
    await b.page.getByLabel('New status').selectOption({ label: 'Referred' });
    await b.page.getByRole('textbox', { name: /Resolution/ }).fill('Sent to the cashless team');
    await b.page.getByRole('button', { name: 'Change status' }).click();

    await a.context.setOffline(false);
    await expect(a.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });
    await b.context.setOffline(false);
    await expect(b.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    // Every screen converges on the same issue, with the conflict on its timeline.
    for (const device of [a, b, coordinator]) {
      await expect(async () => {
        await openIssue(device.page, 'Charged twice at the bar');
        await expect(device.page.getByRole('heading', { name: 'Status: Closed' })).toBeVisible({ timeout: 1000 });
        const timeline = device.page.getByRole('region', { name: 'Timeline' });
        await expect(timeline).toContainText('Bar staff confirm two payments', { timeout: 1000 });
        await expect(timeline).toContainText('Kim wanted to set the status to referred, but Sam had changed the issue first', {
          timeout: 1000,
        });
      }).toPass({ timeout: 30_000 });
    }
    await coordinator.page.goto('/queue?status=all');
    await expect(coordinator.page.getByRole('list', { name: 'Issues' }).getByRole('listitem')).toHaveCount(4);
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a page closed in the middle of a push: after reopening, the change is applied exactly once', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex', false);
    await logIssue(phone.page, 'Lost person', 'Boy, 6, blue cap');
    await expect(phone.page.getByTestId('sync-line')).toContainText('nothing waiting');

    // The next push reaches the server, but the page is gone before the answer comes back.
    let delivered!: () => void;
    const pushed = new Promise<void>((resolve) => (delivered = resolve));
    await phone.page.route('**/api/sync/push', async (route) => {
      await route.fetch();
      delivered();
      await new Promise(() => undefined); // never answer the page
    });
    await openIssue(phone.page, 'Boy, 6, blue cap');
    await phone.page.getByRole('form', { name: 'Add a note' }).getByRole('textbox').fill('Found at the info tent');
    await phone.page.getByRole('button', { name: 'Add note' }).click();
    await pushed;
    await phone.page.close();

    const reopened = await phone.context.newPage();
    await reopened.goto('/');
    await expect(reopened.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 20_000 });

    await expect(async () => {
      await openIssue(coordinator.page, 'Boy, 6, blue cap');
      await expect(coordinator.page.getByRole('region', { name: 'Timeline' }).getByText('Found at the info tent')).toHaveCount(
        1,
        {
          timeout: 1000,
        },
      );
    }).toPass({ timeout: 30_000 });
  } finally {
    await server.stop('SIGKILL');
  }
});

test('phones keep logging while the server is down, and everything arrives when it is back, with no reload', async ({
  browser,
}) => {
  let server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex', false);

    await server.stop('SIGKILL');
    await logIssue(phone.page, 'Toilets, water, facilities', 'No water at campsite north taps');
    await logIssue(phone.page, 'Noise & neighbours', 'Neighbour complaint about the bass');
    await expect(phone.page.getByTestId('sync-line')).toContainText('2 waiting');
    await expect(phone.page.getByTestId('sync-line')).toContainText('cannot be reached', { timeout: 20_000 });

    server = await server.restart();
    await expect(phone.page.getByTestId('sync-line')).toContainText('nothing waiting', { timeout: 60_000 });
    await expect(async () => {
      await coordinator.page.goto('/queue');
      await expect(coordinator.page.getByRole('list', { name: 'Issues' }).getByRole('listitem')).toHaveCount(2, {
        timeout: 1000,
      });
    }).toPass({ timeout: 60_000 });
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a coordinator shows a QR join code; the scanned link joins a phone; an organizer signs it out', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const organizer = await joinedDevice(browser, server.url, codes.organizer, 'Jo', false);
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex');

    const show = coordinator.page.getByRole('form', { name: 'Let someone join' });
    await show.getByLabel('Joins as').selectOption({ label: 'Staff' });
    await show.getByRole('button', { name: 'Show a join code' }).click();
    const qr = coordinator.page.getByRole('img', { name: /QR code that opens Helptent with join code/ });
    await expect(qr).toBeVisible();
    const code = (await coordinator.page.getByTestId('join-code').textContent())!;
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

    // What the phone's camera opens when it scans the QR code.
    const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: server.url });
    const phone = await context.newPage();
    await phone.goto(`/settings#code=${code}`);
    const join = phone.getByRole('form', { name: 'Join your event' });
    await expect(join.getByLabel('Join code')).toHaveValue(code);
    await join.getByLabel('Your name').fill('Sam');
    await join.getByRole('button', { name: 'Join' }).click();
    await expect(phone.getByTestId('last-synced')).not.toHaveText('not yet', { timeout: 15_000 });

    await organizer.page.reload();
    const devicesList = organizer.page.getByRole('region', { name: 'Devices in this event' });
    await expect(devicesList).toContainText('Sam (staff)');
    organizer.page.once('dialog', (dialog) => void dialog.accept());
    await devicesList.getByRole('button', { name: 'Sign out Sam' }).click();
    await expect(devicesList).toContainText('Sam (staff) · signed out');

    await phone.getByRole('form', { name: 'Sync now' }).getByRole('button').click();
    await expect(phone.getByTestId('sync-line')).toContainText('organizer signed this phone out', { timeout: 15_000 });

    // A join code does not bring it back; an organizer letting it back in does, token and all.
    await phone.getByText('Join with another code').click();
    const again = phone.getByRole('form', { name: 'Join your event' });
    await again.getByLabel('Join code').fill(code);
    await again.getByRole('button', { name: 'Join' }).click();
    await expect(again.getByRole('alert')).toContainText('Ask an organizer to let it back in');
    await devicesList.getByRole('button', { name: 'Let Sam back in' }).click();
    await expect(devicesList).not.toContainText('signed out');
    await phone.getByRole('form', { name: 'Sync now' }).getByRole('button').click();
    await expect(phone.getByTestId('sync-line')).toHaveText(/^Synced .*nothing waiting/, { timeout: 15_000 });
  } finally {
    await server.stop('SIGKILL');
  }
});

test('with every tab closed, Background Sync sends what was logged offline once signal is back', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const coordinator = await joinedDevice(browser, server.url, codes.coordinator, 'Alex', false);
    // A blank tab keeps the browser context (and its devtools door) open once Helptent's tab is gone.
    const blank = await phone.context.newPage();
    const cdp = await phone.context.newCDPSession(blank);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');

    await phone.context.setOffline(true);
    await logIssue(phone.page, 'Lost property', 'Red umbrella at the main gate');
    await phone.page.close();
    await phone.context.setOffline(false);

    await expect.poll(() => registrations.find((r) => r.scopeURL.startsWith(server.url))).toBeTruthy();
    const registration = registrations.find((r) => r.scopeURL.startsWith(server.url))!;
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: server.url,
      registrationId: registration.registrationId,
      tag: 'helptent-sync',
      lastChance: false,
    });
    await expect(async () => {
      await coordinator.page.goto('/queue');
      await expect(coordinator.page.getByRole('list', { name: 'Issues' }).getByRole('link')).toContainText(
        'Red umbrella at the main gate',
        {
          timeout: 1000,
        },
      );
    }).toPass({ timeout: 30_000 });
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a refused change shows on its issue until read, and an issue the server refused to create can be removed', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    await logIssue(phone.page, 'Lost property', 'Lost keys at the campsite');
    await expect(phone.page.getByTestId('sync-line')).toContainText('nothing waiting');

    // Queued the way an older app version with looser checks would have queued them: a note
    // without text on the synced issue, and an issue without a category.
    await phone.context.setOffline(true);
    await logIssue(phone.page, 'Lost property', 'Blue backpack');
    await phone.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('helptent');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['unsentChanges', 'issues'], 'readwrite');
      const outbox = tx.objectStore('unsentChanges');
      const issues = (await new Promise((resolve) => {
        const request = tx.objectStore('issues').getAll();
        request.onsuccess = () => resolve(request.result);
      })) as { id: string; summary: string }[];
      const synced = issues.find((issue) => issue.summary === 'Lost keys at the campsite')!;
      const entries = (await new Promise((resolve) => {
        const request = outbox.getAll();
        request.onsuccess = () => resolve(request.result);
      })) as { mutationId: number; name: string; args: { category?: string } }[];
      const creation = entries.find((entry) => entry.name === 'createIssue')!;
      outbox.put({ ...creation, args: { ...creation.args, category: '' } });
      outbox.add({
        mutationUuid: crypto.randomUUID(),
        name: 'addNote',
        args: { issueId: synced.id, text: '' },
        issueId: synced.id,
        actor: { id: 'old-app', name: 'Sam', role: 'staff' },
        createdAt: new Date().toISOString(),
        baseVersion: 0,
      });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await phone.context.setOffline(false);
    await expect(phone.page.getByTestId('sync-line')).toContainText('2 changes refused', { timeout: 20_000 });

    await openIssue(phone.page, 'Lost keys at the campsite');
    await expect(phone.page.getByText(/The server refused a change \(addNote\): .*note/)).toBeVisible();
    await phone.page.getByRole('button', { name: 'I have read this' }).click();
    await expect(phone.page.getByText(/The server refused a change/)).toHaveCount(0);
    await expect(phone.page.getByTestId('sync-line')).toContainText('1 change refused');

    await openIssue(phone.page, 'Blue backpack');
    await expect(phone.page.getByTestId('issue-sync')).toHaveText('Only on this phone: the server refused to take it');
    phone.page.once('dialog', (dialog) => void dialog.accept());
    await phone.page.getByRole('button', { name: 'Remove it from this phone' }).click();
    await expect(phone.page).toHaveURL(/\/queue/);
    await expect(phone.page.getByText('Blue backpack')).toHaveCount(0);
    await phone.page.goto('/settings');
    await expect(phone.page.locator('.rejections')).toContainText('Blue backpack');
  } finally {
    await server.stop('SIGKILL');
  }
});

test('a joined phone opens on the log screen saying it is synced: never "join your event" first, and nothing on it moves', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    await phone.page.goto('/');
    await expect(phone.page.getByTestId('sync-line')).toContainText('Synced', { timeout: 20_000 });
    // Everything the sync line ever says while the page opens, and how far things on it move.
    await phone.page.addInitScript(() => {
      const seen = { lines: [] as string[], shift: 0 };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="sync-line"]')?.textContent;
        if (text && text !== seen.lines.at(-1)) seen.lines.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) seen.shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await phone.page.reload();
    await expect(phone.page.getByTestId('sync-line')).toContainText(/Synced .* nothing waiting/);
    await expect(phone.page.getByRole('textbox', { name: /What happened/ })).toBeEditable();
    const seen = await phone.page.evaluate(() => (window as unknown as { seen: { lines: string[]; shift: number } }).seen);
    expect(seen.lines.filter((line) => line.includes('join your event'))).toEqual([]);
    expect(seen.shift).toBe(0);
  } finally {
    await server.stop();
  }
});
