import { mkdirSync, writeFileSync } from 'node:fs';
import { benchBrowser } from './browser/browser-bench';
import { measureFirstLoad } from './bundle-size';
import type { BenchRow } from './result';
import { round } from './result';
import { benchServer } from './server-bench';

/** Runs every benchmark against the built product (npm run build first) and writes the results. */
async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const firstLoad = measureFirstLoad('dist/client');
  rows.push({ name: 'first-load JS+CSS of the phone app (gzip)', value: round(firstLoad.totalGzipBytes / 1024, 1), unit: 'KB' });
  rows.push(...(await benchServer()));
  const browser = await benchBrowser();
  rows.push(...browser.rows);

  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.value} ${row.unit}`);
  mkdirSync('test/bench/results', { recursive: true });
  writeFileSync('test/bench/results/latest.json', `${JSON.stringify(rows, null, 2)}\n`);
  console.log('written to test/bench/results/latest.json');
  if (browser.failures.length > 0) {
    // The other rows are still worth keeping, but a benchmark that could not run is a failure.
    for (const failure of browser.failures) console.error(`not measured: ${failure}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
