import { randomUUID } from 'node:crypto';
import { type BrowserContext, type CDPSession, expect, type Page, test } from '@playwright/test';
import { alertText } from '../../src/domain/alerts';
import { defaultEvent } from '../../src/domain/event';
import type { Issue } from '../../src/domain/issue';
import { issuePath, type PushPayload } from '../../src/domain/push-payload';
import { startServer, waitForServiceWorker } from './helpers';
import { startAs } from './issue-helpers';
import { chooseLanguage } from './language-helpers';
import { serverSubscriptions, standInPushService } from './push-helpers';
import { createEventWithCodes, joinedDevice } from './sync-helpers';

// Chromium's DevTools protocol delivers the pushes; one project is enough.
test.skip(({ isMobile }) => !isMobile, 'push runs once, in the phone project');

const issueId = '0190f0e2-7a1c-7b4e-9a2d-000000000042';

function alert(text: Partial<PushPayload> = {}): PushPayload {
  return {
    kind: 'alert',
    alertId: randomUUID(),
    issueId,
    title: 'Urgent: lost child at Gate B',
    body: 'Boy, 6, red jacket. Tap to open the issue.',
    url: issuePath(issueId),
    at: '2026-07-10T12:02:00.000Z',
    ...text,
  };
}

/**
 * Hands a push message to the page's service worker as its push service would, through the
 * DevTools protocol (no real push service is reachable from these machines).
 */
async function pushDelivery(context: BrowserContext, page: Page): Promise<(data: string) => Promise<void>> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const registrations: string[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => {
    for (const r of updated) if (!r.isDeleted) registrations.push(r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  return async (data) => {
    await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registrations[0]!, data });
  };
}

async function shownNotifications(page: Page) {
  return page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      requireInteraction: n.requireInteraction,
      data: n.data as unknown,
    })),
  );
}

/** Messages the service worker posts to this window, kept where the test can read them. */
async function collectWorkerMessages(page: Page): Promise<() => Promise<unknown[]>> {
  await page.evaluate(() => {
    const kept: unknown[] = [];
    (window as unknown as { workerMessages: unknown[] }).workerMessages = kept;
    navigator.serviceWorker.addEventListener('message', (event) => kept.push(event.data));
  });
  return () => page.evaluate(() => (window as unknown as { workerMessages: unknown[] }).workerMessages);
}

test('a push shows the alert as a notification that stays, replaces the older one for the same issue, and reaches the open app', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['notifications'], { origin: baseURL! });
  await page.goto('/queue');
  await waitForServiceWorker(page);
  const messages = await collectWorkerMessages(page);
  const deliver = await pushDelivery(context, page);

  const first = alert();
  await deliver(JSON.stringify(first));
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([
      {
        title: first.title,
        body: first.body,
        tag: `issue:${issueId}`,
        requireInteraction: true,
        data: { url: issuePath(issueId), alertId: first.alertId, issueId },
      },
    ]);
  await expect.poll(messages).toEqual([{ type: 'alert', payload: first }]);

  const newer = alert({ title: 'Still unanswered: lost child at Gate B', body: 'Nobody has taken it yet.' });
  await deliver(JSON.stringify(newer));
  await expect.poll(async () => (await shownNotifications(page)).map((n) => n.title)).toEqual([newer.title]);

  // Not one of ours: every push still shows something (the browser requires it), and nothing else.
  await deliver('{"kind":"something-else"}');
  await expect.poll(async () => (await shownNotifications(page)).map((n) => n.title).sort()).toEqual(['Helptent', newer.title]);
  expect(await messages()).toHaveLength(2);
});

test('a push reads in the language of the person who used the phone last; the description as typed', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['notifications'], { origin: baseURL! });
  await startAs(page, 'Anna');
  await waitForServiceWorker(page);
  await chooseLanguage(page, 'Nederlands', 'nl');
  const deliver = await pushDelivery(context, page);
  // What the server sends for a lost child at the main gate: the English, and the same as phrases.
  const description = {
    name: 'Noor',
    age: '6',
    clothing: 'red jacket',
    lastSeenPlace: 'Gate B',
    lastSeenAt: null,
    lookingForThem: '',
  };
  const child = { zoneId: 'main-gate', summary: 'Lost child', lostPerson: { description } } as unknown as Issue;
  const { title, body, said } = alertText(child, 'lost-person', defaultEvent('festival', 'Europe/Amsterdam'));
  expect(title).toBe('Lost person · Main gate');
  // The page leaves the service worker its words once the screen is up: ask until they are there.
  await expect
    .poll(async () => {
      await deliver(JSON.stringify(alert({ title, body, said })));
      return (await shownNotifications(page)).map((n) => [n.title, n.body]);
    })
    .toEqual([['Vermiste persoon · Hoofdingang', 'Noor, leeftijd 6, draagt red jacket, laatst gezien bij Gate B']]);
  // A push from a server before phrases: its English, as sent.
  await deliver(JSON.stringify(alert({ title, body })));
  await expect.poll(async () => (await shownNotifications(page)).map((n) => n.title)).toEqual([title]);
});

test('a tap on the alert takes the open Helptent window to the issue', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications'], { origin: baseURL! });
  await page.goto('/settings');
  await waitForServiceWorker(page);
  const deliver = await pushDelivery(context, page);
  await deliver(JSON.stringify(alert()));
  await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);

  // A tap cannot be made from outside the browser. The worker's own notificationclick handler is
  // run on the real notification with a constructed event: it cannot extend the event (waitUntil
  // refuses constructed events) and is not allowed to focus, but it navigates the window, which
  // is what a tap leads to. Opening a new window when none is open is in notification-target's unit test.
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(async () => {
    // The test's types are the page's; these are the worker's globals.
    const scope = self as unknown as {
      registration: ServiceWorkerRegistration;
      NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      dispatchEvent(event: Event): boolean;
    };
    const [notification] = await scope.registration.getNotifications();
    scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification: notification! }));
  });
  await page.waitForURL(`**${issuePath(issueId)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Issue' })).toBeVisible();
  await expect.poll(async () => (await shownNotifications(page)).length).toBe(0);
});

test('an iPhone in Safari is told to add Helptent to the Home Screen, and what it misses until then', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    baseURL: baseURL!,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  });
  // Safari tabs on iOS have no Web Push at all.
  await context.addInitScript(() => {
    delete (window as unknown as { PushManager?: unknown }).PushManager;
  });
  const page = await context.newPage();
  await page.goto('/settings');
  const alerts = page.getByRole('region', { name: 'Alerts on this phone' });
  await expect(alerts.getByTestId('alerts-impossible')).toContainText(
    'Add Helptent to your Home Screen: Share → Add to Home Screen, then open it from there',
  );
  await expect(alerts).toContainText('nothing rings in your pocket');
  await expect(alerts.getByRole('button')).toHaveCount(0);
  await context.close();
});

test('a phone that blocked notifications is told how to unblock them', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 412, height: 915 }, isMobile: true });
  await context.addInitScript(() => {
    Object.defineProperty(Notification, 'permission', { get: () => 'denied' });
  });
  const page = await context.newPage();
  await page.goto('/settings');
  const blocked = page.getByRole('region', { name: 'Alerts on this phone' }).getByTestId('alerts-blocked');
  await expect(blocked).toContainText('Blocked: notifications for Helptent are turned off on this phone.');
  await expect(blocked).toContainText('Site settings → Notifications');
  await context.close();
});

test('a joined phone turns alerts on from Settings, and signing out and clearing turns them off', async ({ browser }) => {
  test.setTimeout(90_000);
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const { context, page } = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const { endpoint } = await standInPushService(context);
    await page.reload();
    const alerts = page.getByRole('region', { name: 'Alerts on this phone' });
    await expect(alerts.getByTestId('alerts-state')).toContainText('Off: alerts reach this phone only while Helptent is open');
    const turnOn = alerts.getByRole('button', { name: 'Turn on alerts on this phone' });
    expect((await turnOn.boundingBox())!.height).toBeGreaterThanOrEqual(48);

    await context.grantPermissions(['notifications'], { origin: server.url });
    await turnOn.click();
    await expect(alerts.getByTestId('alerts-state')).toContainText(
      'On: urgent cases, lost persons and issues handed over to you',
    );
    expect(await serverSubscriptions(server.databaseUrl)).toEqual([endpoint]);

    await page.getByRole('button', { name: 'Sign out and clear this phone' }).click();
    await page.getByRole('button', { name: 'Sign out and clear', exact: true }).click();
    await expect(page.getByTestId('cleared')).toBeVisible();
    expect(await serverSubscriptions(server.databaseUrl)).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('stand-in-push-unsubscribed'))).toBe('yes');
    await context.close();
  } finally {
    await server.stop();
  }
});
