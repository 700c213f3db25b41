import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserContext, devices, expect, type Page, test } from '@playwright/test';
import { defaultEvent } from '../../src/domain/event';
import type { Role } from '../../src/domain/staff';
import { parseDatabaseUrl } from '../../src/server/config';
import { createEvent, createJoinCode } from '../../src/server/events/event-admin';
import { openStorage } from '../../src/server/storage/storage';
import { waitForServiceWorker } from './helpers';

export { logIssue } from './issue-helpers';

function cli(databaseUrl: string, args: string[]): string {
  return execFileSync('node_modules/.bin/tsx', ['src/server/cli/event-cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
}

const codePattern = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})/;

/** Creates an event with the organizer's command line (as the README tells them) and returns its one-time organizer code. */
export function createEventForOrganizer(databaseUrl: string): string {
  const created = cli(databaseUrl, [
    'create-event',
    '--name',
    'Test Festival',
    '--id',
    'test-festival',
    '--timezone',
    'Europe/Amsterdam',
  ]);
  return codePattern.exec(created)![1]!;
}

/**
 * Creates the event and a code for each role with the functions the command line runs, in this
 * process: three command lines (each a TypeScript start) took 5–20 s of a test on a busy machine.
 */
export async function createEventWithCodes(
  databaseUrl: string,
): Promise<{ staff: string; coordinator: string; organizer: string }> {
  const storage = await openStorage(parseDatabaseUrl(databaseUrl, process.cwd()));
  try {
    const now = new Date();
    await createEvent(storage, { ...defaultEvent('test-festival', 'Europe/Amsterdam'), name: 'Test Festival' }, now);
    const code = async (role: Role, singleUse = false) =>
      (await createJoinCode(storage, { eventId: 'test-festival', role, singleUse, validMinutes: 12 * 60, createdBy: null, now }))
        .code;
    return { staff: await code('staff'), coordinator: await code('coordinator'), organizer: await code('organizer', true) };
  } finally {
    await storage.close();
  }
}

/** A join code made in the app by a coordinator's or organizer's device (Settings → Let someone join). */
export async function joinCodeFrom(page: Page, role: 'Staff' | 'Coordinator' | 'Organizer'): Promise<string> {
  await page.goto('/settings');
  const show = page.getByRole('form', { name: 'Let someone join' });
  await show.getByLabel('Joins as').selectOption({ label: role });
  await show.getByRole('button', { name: 'Show a join code' }).click();
  return (await page.getByTestId('join-code').textContent())!;
}

export interface Device {
  context: BrowserContext;
  page: Page;
}

/**
 * The devices joined in this worker, by test. The worker's browser outlives each test, and a
 * joined phone left open keeps syncing, retrying and polling a server long gone: every test
 * after it ran slower (30 such pages on a 2-core machine by the end of a run).
 */
const joined: { testId: string; context: BrowserContext }[] = [];

async function closeDevicesOfEarlierTests(): Promise<void> {
  const current = test.info().testId;
  const earlier = joined.filter((device) => device.testId !== current);
  for (const device of earlier) joined.splice(joined.indexOf(device), 1);
  await Promise.all(earlier.map((device) => device.context.close().catch(() => undefined)));
}

/** A phone (or laptop) that opened Helptent once and joined the event with a code. */
export async function joinedDevice(browser: Browser, baseURL: string, code: string, name: string, phone = true): Promise<Device> {
  await closeDevicesOfEarlierTests();
  const context = await browser.newContext({ ...(phone ? devices['Pixel 7'] : devices['Desktop Chrome']), baseURL });
  joined.push({ testId: test.info().testId, context });
  const page = await context.newPage();
  await page.goto('/settings');
  await waitForServiceWorker(page);
  const join = page.getByRole('form', { name: 'Join your event' });
  await join.getByLabel('Join code').fill(code);
  await join.getByLabel('Your name').fill(name);
  await join.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('last-synced')).not.toHaveText('not yet', { timeout: 15_000 });
  return { context, page };
}

export async function openIssue(page: Page, summary: string): Promise<void> {
  await page.goto(`/queue?status=all&text=${encodeURIComponent(summary)}`);
  await page.getByRole('list', { name: 'Issues' }).getByRole('link').filter({ hasText: summary }).click();
  await expect(page.getByRole('heading', { level: 1, name: summary })).toBeVisible();
}
