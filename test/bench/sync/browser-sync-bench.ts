import { join } from 'node:path';
import { type BrowserContext, chromium, devices, type Page } from '@playwright/test';
import type { FestivalEvent } from '../../../src/domain/event';
import { defaultSyncSizes } from '../../../src/sync/sync-once';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { bundleBenchEntry } from '../browser/bench-bundle';
import { waitForServiceWorker } from '../browser/queue-render-bench';
import { within } from '../browser/within';
import { type BenchRow, percentile, round } from '../result';
import { startDiscardServer } from './discard-server';
import { cpuMsByGroup } from './process-cpu';
import type { JoinedDevice } from './server-setup';
import type { PageDevice } from './sync-bench-api';
import { appHeaders, type PushMutation } from './workload';

/** As the app sends and pulls (the SyncEngine's and the service worker's sizes). */
export const appSyncSizes = defaultSyncSizes;

export interface BrowserSyncInput {
  origin: string;
  event: FestivalEvent;
  /** Joined as coordinator: receives every issue with its contact details. */
  puller: JoinedDevice;
  /** Joined as staff; its outbox is filled with `pushMutations`. */
  pusher: JoinedDevice;
  pushMutations: Omit<PushMutation, 'mutationId'>[];
  expectedIssues: number;
  profileDir: string;
}

const k = (n: number) => `${Math.round(n / 1000)}k`;

const cpuGroups = {
  'the server process': (cmdline: string) => cmdline.includes('dist/server/main.js'),
  'Chromium (all its processes, background work included)': (cmdline: string) =>
    /chrom(e|ium)/i.test(cmdline.split(' ')[0] ?? ''),
};

/** A phone-sized Chromium with a persistent profile of its own: IndexedDB on disk, nothing cached. */
function phoneBrowser(profileDir: string): Promise<BrowserContext> {
  const { defaultBrowserType: _, ...phone } = devices['Pixel 7'];
  return chromium.launchPersistentContext(profileDir, {
    ...phone,
    ...chromiumLaunchOptions,
    headless: true,
    // The server's strict CSP would block the injected bench script.
    bypassCSP: true,
  });
}

/** A page of the app's origin, controlled by the app's service worker as on a phone, with the bench injected. */
async function appPage(context: BrowserContext, origin: string, script: string): Promise<{ page: Page; controlled: boolean }> {
  const page = await context.newPage();
  await page.goto(`${origin}/settings`);
  const controlled = await waitForServiceWorker(page);
  // Leave the app (its own database and sync engine) for a plain page under the same service worker.
  await page.goto(`${origin}/healthz`);
  await page.addScriptTag({ content: script });
  return { page, controlled };
}

/**
 * Push and pull in real Chromium, with the app's own syncOnce against the real server. Each runs
 * in a browser of its own with a fresh persistent profile: IndexedDB on disk, nothing cached.
 */
export async function benchBrowserSync(input: BrowserSyncInput): Promise<BenchRow[]> {
  const script = await bundleBenchEntry(new URL('./sync-bench-entry.ts', import.meta.url));
  // The size of what the puller receives, from one page fetched here (not part of any timing).
  const sample = await fetch(`${input.origin}/api/sync/pull?cursor=0&limit=${appSyncSizes.pageSize}`, {
    headers: appHeaders(input.puller.token),
  });
  const sampleText = await sample.text();
  const pullBytesPerIssue = sampleText.length / (JSON.parse(sampleText) as { issues: unknown[] }).issues.length;
  const discard = await startDiscardServer();
  let context: BrowserContext | undefined;
  try {
    // Each measurement in a browser of its own: Chromium goes on compacting the 100 MB a pull
    // wrote long after it, and that is not the next measurement's work.
    const freshPage = async (name: string) => {
      await context?.close();
      context = await phoneBrowser(join(input.profileDir, name));
      const { page, controlled } = await appPage(context, input.origin, script);
      if (!controlled) console.warn('sync bench: the app service worker did not take control; measuring without it');
      return page;
    };
    let page = await freshPage('pull');
    const device = (joined: JoinedDevice, dbName: string, role: PageDevice['role']): PageDevice => ({
      dbName,
      deviceId: joined.deviceId,
      token: joined.token,
      role,
      staffName: joined.staffName,
      event: input.event,
    });

    // Pull: the app first, then the baseline, each into a new empty database.
    const puller = device(input.puller, 'bench-sync-pull', 'coordinator');
    const pull = await within(
      page.evaluate(([d, sizes]) => window.helptentSyncBench.timePull(d, sizes), [puller, appSyncSizes] as const),
      180_000,
      'sync pull',
    );
    if (pull.issues !== input.expectedIssues)
      throw new Error(`sync pull stored ${pull.issues} of ${input.expectedIssues} issues`);
    page = await freshPage('pull-baseline');
    const pullBaseline = await within(
      page.evaluate((options) => window.helptentSyncBench.fetchAndBulkPut(options), {
        dbName: 'bench-pull-baseline',
        token: input.puller.token,
        pageSize: appSyncSizes.pageSize,
      }),
      180_000,
      'fetch + bulkPut baseline',
    );
    if (pullBaseline.rows !== input.expectedIssues) throw new Error(`baseline stored ${pullBaseline.rows} issues`);
    page = await freshPage('push');

    // Push: 5,000 changes queued on the phone, sent by syncOnce until the outbox is empty.
    const pusher = device(input.pusher, 'bench-sync-push', 'staff');
    const filled = await within(
      page.evaluate(([d, mutations]) => window.helptentSyncBench.fillOutbox(d, mutations), [
        pusher,
        input.pushMutations,
      ] as const),
      240_000,
      'filling the outbox',
    );
    if (filled.outbox !== input.pushMutations.length) throw new Error(`the outbox holds ${filled.outbox} changes`);
    const cpuBefore = cpuMsByGroup(cpuGroups);
    const push = await within(
      page.evaluate(([d, sizes]) => window.helptentSyncBench.timePush(d, sizes), [pusher, appSyncSizes] as const),
      120_000,
      'sync push',
    );
    const cpuAfter = cpuMsByGroup(cpuGroups);
    if (push.outboxLeft !== 0 || push.rejected !== 0) {
      throw new Error(`after the push ${push.outboxLeft} changes are still queued and ${push.rejected} were refused`);
    }
    await page.evaluate(() => window.helptentSyncBench.deleteDatabase('bench-sync-push'));
    await page.close();

    // Baseline: the same bodies to a server that only reads them, from a page of its own origin.
    const discardPage = await page.context().newPage();
    await discardPage.goto(discard.origin);
    await discardPage.addScriptTag({ content: script });
    const postMs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const posted = await within(
        discardPage.evaluate((options) => window.helptentSyncBench.postBodies(options), {
          path: '/discard',
          token: input.pusher.token,
          bodies: push.bodies,
        }),
        60_000,
        'POSTing to the discard endpoint',
      );
      postMs.push(posted.ms);
    }
    await discardPage.close();
    const postBaseline = percentile(postMs, 50);
    const pushBytes = push.bodies.reduce((sum, body) => sum + body.length, 0);

    const n = input.pushMutations.length;
    const m = input.expectedIssues;
    return [
      { name: `sync push ${k(n)} mutations`, value: round(push.ms, 0), unit: 'ms' },
      { name: 'POST same bytes to discard endpoint (baseline, median of 3)', value: round(postBaseline, 0), unit: 'ms' },
      { name: 'sync push ratio to bare POST', value: round(push.ms / postBaseline), unit: 'x' },
      { name: `sync push ${k(n)}: time in server round trips`, value: round(push.callMs, 0), unit: 'ms' },
      { name: `sync push ${k(n)}: batches of ${appSyncSizes.batchSize}`, value: push.batches, unit: 'requests' },
      { name: 'sync push: mean JSON bytes per mutation', value: round(pushBytes / n, 0), unit: 'B' },
      // Both sides share this machine's two cores: what each one spent while the push ran shows
      // what bounds it (IndexedDB's own background work counts, as it would on a phone).
      ...Object.keys(cpuGroups).map((group) => ({
        name: `sync push ${k(n)}: CPU time of ${group}`,
        value: round(cpuAfter[group]! - cpuBefore[group]!, 0),
        unit: 'ms',
      })),
      { name: `outbox filled with ${k(n)} saveChange calls (setup, one transaction)`, value: round(filled.ms, 0), unit: 'ms' },
      { name: `sync pull ${k(m)} issues into empty device`, value: round(pull.ms, 0), unit: 'ms' },
      { name: `fetch pages + Dexie bulkPut ${k(m)} (baseline)`, value: round(pullBaseline.ms, 0), unit: 'ms' },
      { name: 'sync pull ratio to bare fetch+bulkPut', value: round(pull.ms / pullBaseline.ms), unit: 'x' },
      { name: `sync pull ${k(m)}: time in server round trips (fetch + JSON)`, value: round(pull.callMs, 0), unit: 'ms' },
      { name: `sync pull ${k(m)}: pages of ${appSyncSizes.pageSize}`, value: pull.pages, unit: 'requests' },
      { name: 'sync pull: mean JSON bytes per issue (coordinator)', value: round(pullBytesPerIssue, 0), unit: 'B' },
      ...Object.entries(pull.bulkPutMs).map(([table, ms]) => ({
        name: `sync pull ${k(m)}: time in ${table} bulkPut`,
        value: round(ms, 0),
        unit: 'ms',
      })),
    ];
  } finally {
    await context?.close();
    await discard.stop();
  }
}
