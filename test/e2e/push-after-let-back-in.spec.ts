import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startServer } from './helpers';
import { serverSubscriptions, standInPushService } from './push-helpers';
import { createEventWithCodes, joinedDevice } from './sync-helpers';

test.skip(({ isMobile }) => !isMobile, 'push runs once, in the phone project');
test.setTimeout(90_000);

test('a phone signed out and let back in by an organizer is reachable by push again after its next start, without visiting Settings', async ({
  browser,
}) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const { context, page } = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const { endpoint } = await standInPushService(context);
    await context.grantPermissions(['notifications'], { origin: server.url });
    await page.reload();
    const alerts = page.getByRole('region', { name: 'Alerts on this phone' });
    await alerts.getByRole('button', { name: 'Turn on alerts on this phone' }).click();
    await expect(alerts.getByTestId('alerts-state')).toContainText('On: urgent cases');
    expect(await serverSubscriptions(server.databaseUrl)).toEqual([endpoint]);
    const deviceId = await page.getByRole('region', { name: 'App' }).locator('code').textContent();

    // An organizer signs the phone out (its subscription goes on the server) and lets it back in.
    const answer = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codes.organizer, deviceId: randomUUID(), staffId: 'staff-jo', staffName: 'Jo' }),
    });
    const organizer = ((await answer.json()) as { token: string }).token;
    for (const action of ['revoke', 'restore']) {
      const done = await fetch(`${server.url}/api/devices/${deviceId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${organizer}` },
      });
      expect(done.status).toBe(200);
    }
    expect(await serverSubscriptions(server.databaseUrl)).toEqual([]);

    // Its next start, on the queue (Settings sends the subscription again by itself).
    await page.goto('/queue');
    await expect.poll(() => serverSubscriptions(server.databaseUrl), { timeout: 20_000 }).toEqual([endpoint]);
    await context.close();
  } finally {
    await server.stop();
  }
});
