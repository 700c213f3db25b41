import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Storage } from '../../../src/server/storage/storage';
import { type BenchServer, startServerProcess } from '../browser/bench-server';
import { type BenchRow, round } from '../result';
import { type ApplyRate, applyBatchSize, measureApplyRate } from './apply-rate';
import { benchBrowserSync } from './browser-sync-bench';
import { benchPolling } from './poll-load';
import { benchEvent, createBenchEvent, freshPostgresSchema, joinDevices, openServerStorage, postPush } from './server-setup';
import { demoCreateIssues, pushBodies } from './workload';

export interface SyncBenchResult {
  rows: BenchRow[];
  failures: string[];
}

const applyCount = 20_000;
const pullCount = 50_000;
const pushCount = 5_000;
const pollingDevices = 500;

function applyRows(backend: string, rate: ApplyRate): BenchRow[] {
  const applied = rate.mutations / (rate.applyMs / 1000);
  const raw = rate.mutations / (rate.rawMs / 1000);
  return [
    { name: `server apply rate ${backend}`, value: round(applied, 0), unit: 'mutations/s' },
    { name: `raw batched inserts ${backend} (baseline)`, value: round(raw, 0), unit: 'rows/s' },
    { name: `server apply time ratio to raw inserts ${backend}`, value: round(rate.applyMs / rate.rawMs), unit: 'x' },
  ];
}

const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/** Runs `step` against a server process with its own storage handle; both are stopped afterwards. */
async function withServer<T>(databaseUrl: string, step: (server: BenchServer, storage: Storage) => Promise<T>): Promise<T> {
  const server = await startServerProcess(databaseUrl);
  let storage: Storage | undefined;
  try {
    storage = await openServerStorage(databaseUrl);
    return await step(server, storage);
  } finally {
    await storage?.close();
    await server.stop();
  }
}

/**
 * Sync against the real server process: apply rate (SQLite, and PostgreSQL when
 * TEST_DATABASE_URL is set), push and pull in Chromium, and 500 devices polling.
 */
export async function benchSync(): Promise<SyncBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-sync-bench-'));
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  try {
    let started = performance.now();
    const seedMutations = demoCreateIssues(1, pullCount);
    const pushMutations = demoCreateIssues(2, pushCount);
    const pollPushes = demoCreateIssues(3, 400);
    const generateMs = performance.now() - started;

    await withServer(`sqlite:${join(dir, 'server.sqlite')}`, async (server, storage) => {
      const eventId = await createBenchEvent(storage);
      const [seeder] = await joinDevices(storage, eventId, 'staff', 1, 'Seeding phone');
      // The first 20,000 of the 50,000 the pull bench needs, timed.
      rows.push(
        ...applyRows('SQLite', await measureApplyRate(server.origin, storage, seeder!, seedMutations.slice(0, applyCount))),
      );
      started = performance.now();
      const rest = pushBodies(seeder!.deviceId, seedMutations.slice(applyCount), applyBatchSize, applyCount + 1);
      for (const [i, body] of rest.entries()) {
        await postPush(server.origin, seeder!.token, body, Math.min(pullCount, applyCount + (i + 1) * applyBatchSize));
      }
      const seedMs = performance.now() - started;
      console.log(
        `sync bench: ${pullCount} demo issues generated in ${round(generateMs, 0)} ms; last ${pullCount - applyCount} pushed in ${round(seedMs, 0)} ms`,
      );

      try {
        const [puller] = await joinDevices(storage, eventId, 'coordinator', 1, 'Pulling phone');
        const [pusher] = await joinDevices(storage, eventId, 'staff', 1, 'Pushing phone');
        rows.push(
          ...(await benchBrowserSync({
            origin: server.origin,
            event: benchEvent(),
            puller: puller!,
            pusher: pusher!,
            pushMutations,
            expectedIssues: pullCount,
            profileDir: join(dir, 'profile'),
          })),
        );
      } catch (error) {
        failures.push(`sync push/pull in Chromium: ${message(error)}`);
      }

      try {
        const devices = await joinDevices(storage, eventId, 'staff', pollingDevices, 'Polling phone');
        const [pusher] = await joinDevices(storage, eventId, 'staff', 1, 'Busy phone');
        const event = await storage.db
          .selectFrom('events')
          .select('last_change_seq')
          .where('id', '=', eventId)
          .executeTakeFirstOrThrow();
        rows.push(
          ...(await benchPolling({
            origin: server.origin,
            devices,
            startCursor: event.last_change_seq,
            pusher: pusher!,
            pushMutations: pollPushes,
            concurrency: 50,
            warmupMs: 2_000,
            durationMs: 20_000,
          })),
        );
      } catch (error) {
        failures.push(`polling devices: ${message(error)}`);
      }
    });

    const postgresUrl = process.env.TEST_DATABASE_URL;
    if (!postgresUrl) {
      console.log('sync bench: PostgreSQL rows skipped: TEST_DATABASE_URL is not set (a role that may create schemas).');
    } else {
      try {
        const schema = await freshPostgresSchema(postgresUrl);
        try {
          const rate = await withServer(schema.url, async (server, storage) => {
            const eventId = await createBenchEvent(storage);
            const [seeder] = await joinDevices(storage, eventId, 'staff', 1, 'Seeding phone');
            return measureApplyRate(server.origin, storage, seeder!, seedMutations.slice(0, applyCount));
          });
          rows.push(...applyRows('PostgreSQL', rate));
        } finally {
          await schema.drop();
        }
      } catch (error) {
        failures.push(`PostgreSQL apply rate: ${message(error)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, failures };
}
