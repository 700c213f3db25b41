import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readLastChangeSeq } from '../../src/server/repositories/event-repository';
import type { Storage } from '../../src/server/storage/storage';
import { crowdPokeDelayMs } from '../../src/server/sync/pokes';
import { OpenPhone } from './alert-phones';
import type { BenchServer } from './browser/bench-server';
import { type BenchRow, percentile, round } from './result';
import { withServers } from './sync/server-processes';
import { createBenchEvent, freshPostgresSchema, joinDevices, postPush } from './sync/server-setup';
import { demoCreateIssues, pushBodies } from './sync/workload';

const phones = 500;
const coordinators = 25;
const urgentPushes = 20;
/** An alert not seen by a coordinator phone this long after its push counts as missed. */
const missedAfterMs = 10_000;

/**
 * Urgent issue pushed by a staff phone → the alert fetched by each open coordinator phone, with
 * `phones` phones connected to the poke stream; every one of them syncs on each poke, as the app
 * does (pull, then GET /api/alerts), so the coordinators' fetches wait behind the whole crowd's.
 */
async function measure(origins: string[], storage: Storage, label: string): Promise<BenchRow[]> {
  const eventId = await createBenchEvent(storage);
  const staff = await joinDevices(storage, eventId, 'staff', phones - coordinators, 'Staff phone');
  const coordinating = await joinDevices(storage, eventId, 'coordinator', coordinators, 'Coordinator');
  const cursor = await readLastChangeSeq(storage.db, eventId);
  const streams = new Agent({ keepAlive: true });
  // One connection per phone for its requests, as each phone has its own.
  const requestAgents = [...staff, ...coordinating].map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const pushedAt = new Map<string, number>();
  const seen = new Map<string, number[]>();
  const all: OpenPhone[] = [];
  const at = (i: number) => origins[i % origins.length]!;
  for (const [i, device] of staff.entries()) {
    all.push(new OpenPhone(at(i), device.token, cursor, { streams, requests: requestAgents[i]! }));
  }
  for (const [j, device] of coordinating.entries()) {
    const sightings = new Set<string>();
    const onAlerts = (alerts: { issueId: string; kind: string }[], when: number) => {
      for (const alert of alerts) {
        const sent = pushedAt.get(alert.issueId);
        // Whatever the issue raised (a demo issue may be a lost person, which goes first).
        if (sent === undefined || sightings.has(alert.issueId)) continue;
        sightings.add(alert.issueId);
        seen.get(alert.issueId)!.push(when - sent);
      }
    };
    const i = staff.length + j;
    all.push(new OpenPhone(at(i), device.token, cursor, { streams, requests: requestAgents[i]! }, onAlerts));
  }
  try {
    for (let i = 0; i < all.length; i += 50) await Promise.all(all.slice(i, i + 50).map((phone) => phone.open()));
    const pusher = staff[0]!;
    const urgent = demoCreateIssues(15, urgentPushes).map((m): typeof m => ({ ...m, args: { ...m.args, severity: 'urgent' } }));
    let missed = 0;
    const pushMs: number[] = [];
    for (const [k, mutation] of urgent.entries()) {
      const issueId = String(mutation.args.id);
      // Logged just now (not on the demo's festival days), so no "waiting too long" alert joins in.
      const [body] = pushBodies(pusher.deviceId, [{ ...mutation, createdAt: new Date().toISOString() }], 1, k + 1);
      seen.set(issueId, []);
      pushedAt.set(issueId, performance.now());
      await postPush(origins[0]!, pusher.token, body!, k + 1);
      pushMs.push(performance.now() - pushedAt.get(issueId)!);
      const deadline = performance.now() + missedAfterMs;
      while (seen.get(issueId)!.length < coordinators && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      missed += coordinators - seen.get(issueId)!.length;
      // Quiet between cases, as on a festival field: each measurement starts once every phone,
      // poked a moment after the recipients (crowdPokeDelayMs), has synced.
      await new Promise((r) => setTimeout(r, crowdPokeDelayMs + 300));
      while (!all.every((phone) => phone.idle)) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200));
    }
    const latencies = [...seen.values()].flat();
    if (process.env.ALERT_BENCH_DEBUG) {
      const pokeDelays = all.flatMap((phone) =>
        phone.timings.pokes.map((t) => t - Math.max(...[...pushedAt.values()].filter((sent) => sent <= t))),
      );
      const pull = all.flatMap((phone) => phone.timings.pullMs);
      const fetches = all.flatMap((phone) => phone.timings.alertsMs);
      for (const [k, [issueId, samples]] of [...seen].entries())
        console.log(
          'case',
          issueId.slice(-6),
          'push',
          round(pushMs[k]!),
          'min',
          round(Math.min(...samples)),
          'max',
          round(Math.max(...samples)),
        );
      for (const [name, samples] of Object.entries({ pokeDelays, pull, fetches }))
        console.log(name, samples.length, 'p50', round(percentile(samples, 50)), 'p95', round(percentile(samples, 95)));
    }
    const errors = all.reduce((sum, phone) => sum + phone.errors, 0);
    const what = `${phones} phones connected (${coordinators} coordinators), ${label}`;
    return [
      {
        name: `alert: urgent push → alert fetched by an open coordinator phone, p50, ${what}`,
        value: round(percentile(latencies, 50), 0),
        unit: 'ms',
      },
      {
        name: `alert: urgent push → alert fetched by an open coordinator phone, p95, ${what}`,
        value: round(percentile(latencies, 95), 0),
        unit: 'ms',
      },
      {
        name: `alert: coordinator sightings missed (> ${missedAfterMs / 1000} s) or failed syncs, ${what}`,
        value: missed + errors,
        unit: 'count',
      },
    ];
  } finally {
    for (const phone of all) phone.close();
    streams.destroy();
    for (const agent of requestAgents) agent.destroy();
  }
}

const origins = (servers: BenchServer[]) => servers.map((server) => server.origin);

/** The alert delivery bench on SQLite, and on PostgreSQL with two instances when TEST_DATABASE_URL is set (pokes relayed). */
export async function benchAlerts(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-alert-bench-'));
  const rows: BenchRow[] = [];
  try {
    rows.push(
      ...(await withServers(`sqlite:${join(dir, 'server.sqlite')}`, 1, (servers, s) => measure(origins(servers), s, 'SQLite'))),
    );
    const postgresUrl = process.env.TEST_DATABASE_URL;
    if (!postgresUrl) console.log('alert bench: PostgreSQL rows skipped: TEST_DATABASE_URL is not set.');
    else {
      const schema = await freshPostgresSchema(postgresUrl);
      try {
        rows.push(...(await withServers(schema.url, 2, (servers, s) => measure(origins(servers), s, 'PostgreSQL, 2 instances'))));
      } finally {
        await schema.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
