import { performance } from 'node:perf_hooks';
import type { Issue } from '../../src/domain/issue';
import { suggestMatches } from '../../src/domain/lost-property-matching';
import { type Random, seededRandom } from '../../tools/demo/seeded-random';
import { benchItem, lostReportOf } from './matching-items';
import { type BenchRow, percentile, round } from './result';

const foundCount = 5_000;
const warmUpRuns = 20;
const timedRuns = 200;
/** Runs that need 5,000 new objects each, so fewer of them. */
const copyRuns = 20;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** New objects with the same content, as the phone's live query gives after every write. */
const readAfresh = (items: Issue[]) => items.map((item) => structuredClone(item));

/** New objects whose content was never seen (logged a millisecond apart), so nothing is remembered. */
const neverSeen = (items: Issue[], run: number) =>
  items.map((item) => ({ ...structuredClone(item), createdAt: new Date(Date.parse(item.createdAt) + run + 1).toISOString() }));

/**
 * Matching one new lost report against the 5,000 found items of a big festival's desk, on the
 * phone at the desk. Goal: p95 ≤ 50 ms. Three cases: the same item objects as the last run;
 * the items read afresh from the database (new objects, features remembered by content); and
 * items never seen before, every feature worked out (the first run after the app starts).
 */
export async function benchMatching(): Promise<BenchRow[]> {
  const random = seededRandom(2026);
  const foundItems = Array.from({ length: foundCount }, () => benchItem(random, 'found'));
  const reports = Array.from({ length: warmUpRuns + timedRuns + 2 * copyRuns }, () => benchItem(random, 'lost'));
  let suggested = 0;
  const timeOne = (report: Issue, items: Issue[]) => {
    const started = performance.now();
    suggested += suggestMatches(report, items).length;
    return performance.now() - started;
  };

  for (const report of reports.slice(0, warmUpRuns)) timeOne(report, foundItems);
  const warm: number[] = [];
  for (const report of reports.slice(warmUpRuns, warmUpRuns + timedRuns)) {
    // Yield between runs so a bench runner's timers are not starved.
    await nextTurn();
    warm.push(timeOne(report, foundItems));
  }
  const reread: number[] = [];
  const cold: number[] = [];
  const rest = reports.slice(warmUpRuns + timedRuns);
  for (let run = 0; run < copyRuns; run += 1) {
    const copies = readAfresh(foundItems);
    await nextTurn();
    reread.push(timeOne(rest[run]!, copies));
  }
  for (let run = 0; run < copyRuns; run += 1) {
    const unseen = neverSeen(foundItems, run);
    await nextTurn();
    cold.push(timeOne(rest[copyRuns + run]!, unseen));
  }
  const found = findsItsItem(seededRandom(7), foundItems);
  const name = `match one lost report against ${foundCount.toLocaleString('en')} found items`;
  return [
    { name: `${name} p50`, value: round(percentile(warm, 50)), unit: 'ms' },
    { name: `${name} p95`, value: round(percentile(warm, 95)), unit: 'ms' },
    { name: `${name}, read afresh p50`, value: round(percentile(reread, 50)), unit: 'ms' },
    { name: `${name}, read afresh p95`, value: round(percentile(reread, 95)), unit: 'ms' },
    { name: `${name}, never seen before p50`, value: round(percentile(cold, 50)), unit: 'ms' },
    { name: `${name}, never seen before p95`, value: round(percentile(cold, 95)), unit: 'ms' },
    { name: 'suggestions per lost report (mean)', value: round(suggested / reports.length, 1), unit: 'matches' },
    { name: "owner's lost report ranks its found item first", value: round(found.first * 100, 1), unit: '%' },
    { name: "owner's lost report has its found item in the top 5", value: round(found.top5 * 100, 1), unit: '%' },
  ];
}

const ownerReports = 300;

/**
 * How often the owner's own report, in their words (see lostReportOf), finds their item among
 * all 5,000: the number that says whether the scoring helps the desk, beside how fast it is.
 */
function findsItsItem(random: Random, foundItems: Issue[]): { first: number; top5: number } {
  let first = 0;
  let top5 = 0;
  for (let i = 0; i < ownerReports; i += 1) {
    const item = random.pick(foundItems);
    const suggested = suggestMatches(lostReportOf(random, item), foundItems).map((match) => match.issue);
    if (suggested[0] === item) first += 1;
    if (suggested.includes(item)) top5 += 1;
  }
  return { first: first / ownerReports, top5: top5 / ownerReports };
}
