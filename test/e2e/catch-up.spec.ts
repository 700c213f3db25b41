import { devices, expect, type Page, test } from '@playwright/test';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import { uuidV7 } from '../../src/domain/uuid-v7';
import { startServer, waitForServiceWorker } from './helpers';
import { createEventWithCodes } from './sync-helpers';
import { startThrottlingProxy } from './throttling-proxy';

const issueCount = 3000;
const e2ePort = Number(process.env.E2E_PORT ?? 4310);

/** Issues logged on the server by another phone, a thousand per push, as a busy festival's first day leaves them. */
async function seedIssues(serverUrl: string, code: string, count: number): Promise<void> {
  const headers = { 'content-type': 'application/json', [protocolHeader]: String(protocolVersion) };
  const deviceId = uuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10)));
  const joined = await fetch(`${serverUrl}/api/join`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code, deviceId, staffId: 'staff-seeder', staffName: 'Kim' }),
  });
  const { token } = (await joined.json()) as { token: string };
  const start = Date.now() - 60 * 60_000;
  for (let first = 1; first <= count; first += 1000) {
    const mutations = Array.from({ length: Math.min(1000, count - first + 1) }, (_, i) => {
      const n = first + i;
      return {
        mutationId: n,
        mutationUuid: uuidV7(start + n, crypto.getRandomValues(new Uint8Array(10))),
        name: 'createIssue',
        args: {
          id: uuidV7(start + n, crypto.getRandomValues(new Uint8Array(10))),
          eventId: 'test-festival',
          category: 'lost-property',
          summary: `Seeded issue ${n}: a phone lost near the main stage`,
        },
        createdAt: new Date(start + n * 1000).toISOString(),
        actor: { id: 'staff-seeder', name: 'Kim' },
        baseVersion: 0,
      };
    });
    const pushed = await fetch(`${serverUrl}/api/sync/push`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}` },
      body: JSON.stringify({ deviceId, mutations }),
    });
    expect(pushed.status).toBe(200);
  }
}

/** "1,200 of 3,000" read off the catch-up line: how many are in. */
async function fetchedSoFar(page: Page): Promise<number> {
  const text = (await page.getByTestId('catch-up').textContent()) ?? '';
  const match = /: ([\d,.\u202f\u00a0]+) of/.exec(text);
  return match ? Number(match[1]!.replace(/\D/g, '')) : -1;
}

test('a phone joining mid-festival sees its catch-up advance and finish, and logs an issue meanwhile', async ({
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'a phone joining is the story');
  // Servers this spec starts take the ports after the suite's own.
  const server = await startServer({}, { port: e2ePort + 1 });
  const proxy = await startThrottlingProxy(Number(new URL(server.url).port), e2ePort + 2);
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: proxy.url });
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    await seedIssues(server.url, codes.staff, issueCount);

    const page = await context.newPage();
    // Long tasks on the phone's main thread while it catches up: the form must stay usable.
    await page.addInitScript(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto('/settings');
    await waitForServiceWorker(page);

    // A festival field's download (the 3,000 issues are about 3 MB): slow while the person logs an
    // issue, then faster, never so fast that a page's "N of 3,000" goes by unseen.
    proxy.throttleDown(100 * 1024);
    const join = page.getByRole('form', { name: 'Join your event' });
    await join.getByLabel('Join code').fill(codes.staff);
    await join.getByLabel('Your name').fill('Sam');
    await join.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Log' }).click();

    const bar = page.getByRole('progressbar', { name: /Fetching the event’s issues/ });
    await expect(bar).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('catch-up')).toContainText(/of 3,000/);
    await expect(page.getByTestId('catch-up')).toContainText('You can log issues meanwhile');
    const first = await fetchedSoFar(page);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(issueCount);
    expect(Number(await bar.getAttribute('max'))).toBe(issueCount);

    // Logging works while the issues pour in.
    await page.getByRole('radio', { name: 'Lost property' }).check();
    await page.getByRole('textbox', { name: /What happened\?/ }).fill('Wallet left at the info tent');
    await page.getByRole('button', { name: 'Save issue' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone' })).toContainText(
      'Wallet left at the info tent',
    );
    await expect(bar).toBeVisible();

    // It advances, then goes away once everything is in, and the phone says it synced.
    proxy.throttleDown(1024 * 1024);
    await expect.poll(() => fetchedSoFar(page), { timeout: 30_000, intervals: [100] }).toBeGreaterThan(first);
    proxy.throttleDown(null);
    await expect(bar).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('sync-line')).toContainText(/Synced .* nothing waiting/, { timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Queue' }).click();
    await expect(page.getByText('Wallet left at the info tent')).toBeVisible();

    const longest = await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
    testInfo.annotations.push({ type: 'longest main-thread task during catch-up', description: `${Math.round(longest)} ms` });
    console.log(`longest main-thread task during the catch-up: ${Math.round(longest)} ms`);
  } finally {
    await context.close();
    await proxy.close();
    await server.stop();
  }
});
