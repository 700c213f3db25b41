import type { BrowserContext } from '@playwright/test';
import { type BenchRow, percentile, round } from '../result';
import { heapUsedAfterGc, megabytes } from './heap';
import { within } from './within';

export const benchIssueCount = 20_000;
export const appDatabaseName = 'helptent';
const benchDatabaseName = 'helptent-bench';
const median = (samples: number[]) => percentile(samples, 50);

/**
 * Saving, loading and filtering with 20,000 issues in the phone's database, in real Chromium
 * with IndexedDB on disk. Also seeds the app's own database for the queue render bench.
 */
export async function benchStorage(context: BrowserContext, origin: string, script: string): Promise<BenchRow[]> {
  const page = await context.newPage();
  try {
    // Same origin as the app, but not the app: it must not open its database before it is filled.
    await page.goto(`${origin}/healthz`);
    await page.addScriptTag({ content: script });
    const seeded = await within(
      page.evaluate((options) => window.helptentBench.seedDatabases(options), {
        seed: 1,
        issueCount: benchIssueCount,
        benchDb: benchDatabaseName,
        appDb: appDatabaseName,
      }),
      240_000,
      'generating and importing the demo festival',
    );

    const cdp = await context.newCDPSession(page);
    const heapBefore = await heapUsedAfterGc(cdp);
    const firstLoad = await within(
      page.evaluate(() => window.helptentBench.loadQueue()),
      60_000,
      'loading the queue',
    );
    const heapWithRows = await heapUsedAfterGc(cdp);
    const loadMs = [firstLoad.ms];
    for (let i = 0; i < 4; i += 1) {
      loadMs.push(
        (
          await within(
            page.evaluate(() => window.helptentBench.loadQueue()),
            60_000,
            'loading the queue',
          )
        ).ms,
      );
    }

    const filter = await within(
      page.evaluate(() => window.helptentBench.filterSamples({ warmup: 30, samples: 300, seed: 2 })),
      120_000,
      'filtering the queue',
    );
    await page.evaluate(() => window.helptentBench.dropQueue());

    const saves = await within(
      page.evaluate(() => window.helptentBench.saveSamples({ warmup: 30, samples: 400, seed: 3 })),
      180_000,
      'saving changes',
    );
    await page.evaluate(() => window.helptentBench.close());

    const saveP95 = percentile(saves.createIssueMs, 95);
    const putP95 = percentile(saves.barePutMs, 95);
    return [
      { name: 'demo festival generated in the page (20k issues)', value: round(seeded.generateMs, 0), unit: 'ms' },
      { name: 'importIssues 20k issues into IndexedDB (one transaction)', value: round(seeded.importMs, 0), unit: 'ms' },
      { name: 'save p50 20k issues', value: round(median(saves.createIssueMs)), unit: 'ms' },
      { name: 'save p95 20k issues', value: round(saveP95), unit: 'ms' },
      { name: 'save addNote p50 20k issues', value: round(median(saves.addNoteMs)), unit: 'ms' },
      { name: 'save addNote p95 20k issues', value: round(percentile(saves.addNoteMs, 95)), unit: 'ms' },
      { name: 'bare Dexie put p50 20k issues', value: round(median(saves.barePutMs)), unit: 'ms' },
      { name: 'bare Dexie put p95 20k issues', value: round(putP95), unit: 'ms' },
      { name: 'save p95 ratio to bare Dexie put', value: round(saveP95 / putP95), unit: 'x' },
      { name: 'queue load 20k rows', value: round(median(loadMs)), unit: 'ms' },
      { name: 'queue load 20k rows, first read after import', value: round(firstLoad.ms), unit: 'ms' },
      { name: 'queue filter+search p50 20k issues', value: round(median(filter.ms)), unit: 'ms' },
      { name: 'queue filter+search p95 20k issues', value: round(percentile(filter.ms, 95)), unit: 'ms' },
      { name: 'queue filter+search mean matching rows', value: round(filter.meanMatches, 0), unit: 'rows' },
      { name: 'memory used 20k issues', value: round(megabytes(heapWithRows), 1), unit: 'MB' },
      { name: 'memory held by the 20k queue rows', value: round(megabytes(heapWithRows - heapBefore), 1), unit: 'MB' },
    ];
  } finally {
    await page.close();
  }
}
