import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices, type Page } from '@playwright/test';
import { photoStoredMeasure } from '../../../src/app/photos/photo-measure';
import { maxPhotosPerIssue } from '../../../src/domain/photo';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { cameraPhoto } from '../../e2e/photo-fixture';
import { type BenchRow, percentile, round } from '../result';
import { startBenchServer } from './bench-server';
import { waitForServiceWorker } from './queue-render-bench';

const warmup = 3;
const samples = 30;
/** Distinct pictures, used in turn: each one is decoded, shrunk, encoded and hashed anew anyway. */
const pictures = 5;

async function startLogging(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/settings`);
  const form = page.getByRole('form', { name: 'Add a person to this phone' });
  await form.getByLabel('Your name').fill('Bench');
  await form.getByRole('button', { name: 'Start logging' }).click();
  await page.getByTestId('current-staff').getByText('Bench (Staff)').waitFor();
}

/** Logs an issue with the capture form and opens it: a fresh issue has room for twelve photos. */
async function openNewIssue(page: Page, origin: string, n: number): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('radio', { name: 'Lost property' }).check();
  await page.getByRole('textbox', { name: /What happened\?/ }).fill(`Found camera ${n}`);
  await page.getByRole('button', { name: 'Save issue' }).first().click();
  await page.getByRole('link', { name: 'Open it' }).click();
  await page.getByRole('heading', { level: 1, name: `Found camera ${n}` }).waitFor();
}

/**
 * A 12-megapixel camera JPEG (with its EXIF and GPS block) fed to the issue screen's photo input,
 * until the photo and its change are stored: the app's own measure, from the input's change event
 * to the end of the IndexedDB transaction. Real Chromium on the phone profile with IndexedDB on
 * disk, the built app and its service worker, as the other browser benches; no CPU throttling.
 */
export async function benchPhotoCapture(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-photo-bench-'));
  const server = await startBenchServer(join(dir, 'server.sqlite'));
  const { defaultBrowserType: _, ...phone } = devices['Pixel 7'];
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    ...phone,
    ...chromiumLaunchOptions,
    headless: true,
  });
  try {
    const page = await context.newPage();
    await startLogging(page, server.origin);
    await waitForServiceWorker(page);
    const files = [];
    for (let i = 0; i < pictures; i += 1) files.push(await cameraPhoto(page, 100 + i));
    const durations: number[] = [];
    for (let i = 0; i < warmup + samples; i += 1) {
      if (i % maxPhotosPerIssue === 0) await openNewIssue(page, server.origin, i / maxPhotosPerIssue);
      const before = await page.evaluate((name) => performance.getEntriesByName(name).length, photoStoredMeasure);
      await page.getByLabel('Add photos').setInputFiles(files[i % pictures]!);
      await page.getByRole('status').getByText('Photo saved on this phone.').waitFor({ timeout: 30_000 });
      const ms = await page.evaluate(({ name, before }) => performance.getEntriesByName(name)[before]?.duration, {
        name: photoStoredMeasure,
        before,
      });
      if (ms === undefined) throw new Error('the app did not measure the stored photo');
      if (i >= warmup) durations.push(ms);
    }
    const megapixels = '12 MP JPEG';
    return [
      {
        name: `photo from file input to stored on the phone (${megapixels}) p50`,
        value: round(percentile(durations, 50), 0),
        unit: 'ms',
      },
      {
        name: `photo from file input to stored on the phone (${megapixels}) p95`,
        value: round(percentile(durations, 95), 0),
        unit: 'ms',
      },
    ];
  } finally {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
