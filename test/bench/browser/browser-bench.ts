import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import type { BenchRow } from '../result';
import { bundleBenchEntry } from './bench-bundle';
import { type BenchServer, startBenchServer } from './bench-server';
import { benchQueueRender } from './queue-render-bench';
import { benchIssueCount, benchStorage } from './storage-bench';

export interface BrowserBenchResult {
  rows: BenchRow[];
  /** Benchmarks that could not be measured, with the reason. */
  failures: string[];
}

/**
 * The phone-side benchmarks: real Chromium, a persistent profile (so IndexedDB is on disk, as on
 * a phone) and the real built server on 127.0.0.1. Cleans up its browser, server and temp files.
 */
export async function benchBrowser(): Promise<BrowserBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-browser-bench-'));
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  let context: BrowserContext | undefined;
  let server: BenchServer | undefined;
  try {
    server = await startBenchServer(join(dir, 'server.sqlite'));
    const script = await bundleBenchEntry();
    const { defaultBrowserType: _, ...phone } = devices['Pixel 7'];
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      ...phone,
      ...chromiumLaunchOptions,
      headless: true,
      // The server's strict CSP would block the injected bench script.
      bypassCSP: true,
    });
    rows.push(...(await benchStorage(context, server.origin, script)));
    try {
      rows.push(...(await benchQueueRender(context, server.origin, benchIssueCount)));
    } catch (error) {
      failures.push(`queue first render: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  } finally {
    await context?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, failures };
}
