import { performance } from 'node:perf_hooks';
import { toCsv } from '../../src/domain/csv';
import { exportTable } from '../../src/domain/export-rows';
import { summarizeDay } from '../../src/domain/summary/day-summary';
import { type DemoFestival, defaultDemoNow, generateDemoFestival } from '../../tools/demo/demo-festival';
import { type BenchRow, percentile, round } from './result';

const issueCount = 50_000;
const warmUpRuns = 5;
const timedRuns = 25;
/**
 * The busiest demo day, summarised at the demo's "now" (the Monday night after the festival): the
 * day is over, so statuses and owners are read back as they stood at its end, the slower path.
 */
const benchDay = '2026-07-11';

let festival: DemoFestival | undefined;

/** Generating 50,000 issues takes seconds, so it happens once per process however often the bench runs. */
function demoFestival(): DemoFestival {
  festival ??= generateDemoFestival({ seed: 2026, issueCount });
  return festival;
}

/**
 * Time of summarizeDay over a 50k-issue demo festival: the end-of-day screen on a coordinator's
 * device, and the server's export. Goal: p95 ≤ 100 ms.
 */
export async function benchSummary(): Promise<BenchRow[]> {
  const { issues, event } = demoFestival();
  const now = new Date(defaultDemoNow);
  for (let i = 0; i < warmUpRuns; i += 1) summarizeDay(issues, event, benchDay, now);
  const samples: number[] = [];
  for (let i = 0; i < timedRuns; i += 1) {
    // Yield between runs so a bench runner's timers are not starved.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    summarizeDay(issues, event, benchDay, now);
    samples.push(performance.now() - started);
  }
  // CSV export of all 50k issues: the organizer's whole-event file (rows + quoting + neutralising).
  const csvSamples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    const csv = toCsv(exportTable(issues, event, { kind: 'issues', day: null }));
    csvSamples.push(performance.now() - started);
    bytes = Buffer.byteLength(csv);
  }
  return [
    { name: 'day summary over 50k issues p50', value: round(percentile(samples, 50)), unit: 'ms' },
    { name: 'day summary over 50k issues p95', value: round(percentile(samples, 95)), unit: 'ms' },
    { name: 'CSV export of 50k issues p50 (5 runs)', value: round(percentile(csvSamples, 50), 0), unit: 'ms' },
    { name: 'CSV export of 50k issues size', value: round(bytes / 1_000_000, 1), unit: 'MB' },
  ];
}
