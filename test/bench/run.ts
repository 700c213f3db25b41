import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAlerts } from './alert-bench';
import { benchBrowser } from './browser/browser-bench';
import { benchLighthouse } from './browser/lighthouse-bench';
import { benchPhotoCapture } from './browser/photo-capture-bench';
import { measureFirstLoad } from './bundle-size';
import { benchMatching } from './matching-bench';
import { benchPersonalData } from './personal-data-bench';
import { benchPhotoUpload } from './photo-upload-bench';
import { benchPush } from './push-bench';
import type { BenchRow } from './result';
import { round } from './result';
import { benchServer } from './server-bench';
import { benchSummary } from './summary-bench';
import { benchEdges } from './sync/edge-bench';
import { benchOutageRecovery } from './sync/outage-recovery';
import { benchSync } from './sync/sync-bench';

/**
 * Runs every benchmark against the built product (npm run build first) and writes the results.
 * `tsx test/bench/run.ts sync` (or `npm run bench -- sync`) runs only the named parts
 * (bundle, server, browser, lighthouse, sync, edges, recovery, summary, personal-data, matching, photos, push, capture, alerts) and leaves latest.json as it was.
 */
async function main(): Promise<void> {
  const parts = [
    'bundle',
    'server',
    'browser',
    'lighthouse',
    'sync',
    'edges',
    'recovery',
    'summary',
    'personal-data',
    'matching',
    'photos',
    'push',
    'capture',
    'alerts',
  ];
  const only = process.argv.slice(2);
  const unknown = only.filter((p) => !parts.includes(p));
  if (unknown.length > 0) throw new Error(`unknown bench part ${unknown.join(', ')}; known: ${parts.join(', ')}`);
  const runs = (part: string) => only.length === 0 || only.includes(part);
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  if (runs('bundle')) {
    const firstLoad = measureFirstLoad('dist/client');
    rows.push({
      name: 'first-load JS+CSS of the phone app (gzip)',
      value: round(firstLoad.totalGzipBytes / 1024, 1),
      unit: 'KB',
    });
  }
  if (runs('server')) rows.push(...(await benchServer()));
  if (runs('browser')) {
    const browser = await benchBrowser();
    rows.push(...browser.rows);
    failures.push(...browser.failures);
  }
  if (runs('lighthouse')) {
    try {
      rows.push(...(await benchLighthouse()));
    } catch (error) {
      failures.push(`lighthouse: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  if (runs('capture')) {
    try {
      rows.push(...(await benchPhotoCapture()));
    } catch (error) {
      failures.push(`photo capture: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  if (runs('summary')) rows.push(...(await benchSummary()));
  if (runs('personal-data')) rows.push(...(await benchPersonalData()));
  if (runs('matching')) rows.push(...(await benchMatching()));
  if (runs('photos')) rows.push(...(await benchPhotoUpload()));
  if (runs('push')) rows.push(...(await benchPush()));
  if (runs('edges')) {
    const edges = await benchEdges();
    rows.push(...edges.rows);
    failures.push(...edges.failures);
  }
  if (runs('sync')) {
    const sync = await benchSync();
    rows.push(...sync.rows);
    failures.push(...sync.failures);
  }
  if (runs('alerts')) {
    try {
      rows.push(...(await benchAlerts()));
    } catch (error) {
      failures.push(`alerts: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (runs('recovery')) {
    try {
      rows.push(...(await benchOutageRecovery()));
    } catch (error) {
      failures.push(`server back after an outage: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.value} ${row.unit}`);
  if (only.length === 0) {
    mkdirSync('test/bench/results', { recursive: true });
    writeFileSync('test/bench/results/latest.json', `${JSON.stringify(rows, null, 2)}\n`);
    console.log('written to test/bench/results/latest.json');
  }
  if (failures.length > 0) {
    // The other rows are still worth keeping, but a benchmark that could not run is a failure.
    for (const failure of failures) console.error(`not measured: ${failure}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
