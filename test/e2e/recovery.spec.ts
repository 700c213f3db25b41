import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, test } from '@playwright/test';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import { type RunningServer, startServer } from './helpers';
import { createEventWithCodes, joinedDevice, logIssue } from './sync-helpers';

// A browser and a server of their own per test: run these on one project only.
test.skip(({ isMobile }) => !isMobile, 'multi-device flows run once, in the phone project');
test.setTimeout(120_000);

/** The summaries of every issue on the server, as a coordinator's device pulls them. */
async function summariesOnServer(server: RunningServer, coordinatorCode: string): Promise<string[]> {
  const headers = { [protocolHeader]: String(protocolVersion), 'content-type': 'application/json' };
  const joined = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: coordinatorCode, deviceId: randomUUID(), staffId: 'staff-check', staffName: 'Check' }),
  });
  const { token } = (await joined.json()) as { token: string };
  const pulled = await fetch(`${server.url}/api/sync/pull?cursor=0&limit=100`, {
    headers: { ...headers, authorization: `Bearer ${token}` },
  });
  return ((await pulled.json()) as { issues: { issue: { summary: string } }[] }).issues.map((i) => i.issue.summary);
}

/** The seconds the sync line says are left before the next try, or null when it shows none. */
async function secondsToNextTry(line: Locator): Promise<number | null> {
  const match = /Next try in (\d+) s/.exec((await line.textContent()) ?? '');
  return match ? Number(match[1]) : null;
}

test('when the server is back, a phone sends what it queued within 10 s, untouched; meanwhile the sync line counts down to the next try', async ({
  browser,
}) => {
  let server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Sam');
    const line = phone.page.getByTestId('sync-line');

    await server.stop('SIGKILL');
    await logIssue(phone.page, 'Noise & neighbours', 'Bass too loud at campsite east');
    await expect(line).toContainText('1 waiting');
    await expect(line).toContainText('cannot be reached', { timeout: 20_000 });
    await expect(line).toContainText(/Next try in \d+ s\./);
    const tryNow = line.getByRole('button', { name: 'Try now' });
    // Measured when it is there: while a retry is on its way the line shows that instead.
    await expect(async () => {
      const box = await tryNow.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);
      expect(box?.width).toBeGreaterThanOrEqual(48);
    }).toPass({ timeout: 20_000 });
    // The keyboard reaches the button, and focus shows on it.
    await expect(async () => {
      await phone.page.keyboard.press('Tab');
      await expect(tryNow).toBeFocused({ timeout: 100 });
    }).toPass({ timeout: 10_000 });
    expect(await tryNow.evaluate((b) => b.matches(':focus-visible') && getComputedStyle(b).outlineStyle)).toBe('solid');

    const axe = await new AxeBuilder({ page: phone.page })
      .include('[data-testid="sync-line"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations).toEqual([]);

    // Enter on Try now while the server is still down: the try fails again, and the keyboard
    // stays on the button for the next press rather than falling back to the top of the page.
    await phone.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { syncLineSeen: string[] }).syncLineSeen = seen;
      const observed = document.querySelector('[data-testid="sync-line"]')!;
      new MutationObserver(() => seen.push(observed.textContent ?? '')).observe(observed, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await phone.page.keyboard.press('Enter');
    await expect
      .poll(() =>
        phone.page.evaluate(() => {
          const seen = (window as unknown as { syncLineSeen: string[] }).syncLineSeen;
          const tried = seen.findIndex((text) => !/Next try in/.test(text));
          return tried >= 0 && seen.slice(tried).some((text) => /Next try in \d+ s/.test(text));
        }),
      )
      .toBe(true);
    await expect(tryNow).toBeFocused();

    // restart() returns once /healthz answers.
    server = await server.restart();
    const back = Date.now();
    await expect(line).toContainText('nothing waiting', { timeout: 10_000 });
    expect(Date.now() - back).toBeLessThan(10_000);
    await expect(line).not.toContainText('Next try');
    expect(await summariesOnServer(server, codes.coordinator)).toEqual(['Bass too loud at campsite east']);
  } finally {
    await server.stop('SIGKILL');
  }
});

test('Try now syncs at once instead of waiting for the next try', async ({ browser }) => {
  const server = await startServer();
  try {
    const codes = await createEventWithCodes(server.databaseUrl);
    const phone = await joinedDevice(browser, server.url, codes.staff, 'Kim');
    const line = phone.page.getByTestId('sync-line');
    // The server is unreachable for this phone alone; the poke stream stays cut throughout, so
    // only the engine's timer or the button can bring the change across.
    await phone.context.route('**/api/sync/pokes', (route) => route.abort('connectionrefused'));
    await phone.context.route('**/api/sync/p*', (route) => route.abort('connectionrefused'));
    await logIssue(phone.page, 'Lost property', 'Blue backpack left at the info tent');
    // Wait for a long wait (the ceiling grows to 8 s), so a sync that follows the tap at once
    // cannot be the timer's.
    let seconds = 0;
    await expect(async () => {
      seconds = (await secondsToNextTry(line)) ?? 0;
      expect(seconds).toBeGreaterThanOrEqual(5);
    }).toPass({ timeout: 60_000, intervals: [200] });
    const timerDue = Date.now() + (seconds - 1) * 1000;
    await phone.context.unroute('**/api/sync/p*');

    await line.getByRole('button', { name: 'Try now' }).click();
    await expect(line).toContainText('nothing waiting', { timeout: Math.max(1, timerDue - Date.now()) });
    expect(Date.now()).toBeLessThan(timerDue);
    expect(await summariesOnServer(server, codes.coordinator)).toEqual(['Blue backpack left at the info tent']);
  } finally {
    await server.stop('SIGKILL');
  }
});
