import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { IssuesTable } from '../../../src/server/storage/schema';
import type { Storage } from '../../../src/server/storage/storage';
import { postPush } from './server-setup';
import { type PushMutation, pushBodies } from './workload';

export const applyBatchSize = 1000;

export interface ApplyRate {
  mutations: number;
  applyMs: number;
  rawMs: number;
}

const scratchTable = 'bench_raw_issues';
type ScratchDatabase = { [scratchTable]: IssuesTable };

/**
 * The same rows as plain batched inserts through the same driver, one transaction and one
 * multi-row INSERT per batch, into a table shaped like `issues` (same keys, index and foreign key).
 */
async function timeRawInserts(storage: Storage, rows: IssuesTable[]): Promise<number> {
  const db = storage.db as unknown as Kysely<ScratchDatabase>;
  await db.schema
    .createTable(scratchTable)
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id'))
    .addColumn('change_seq', 'bigint', (col) => col.notNull())
    .addColumn('reported_by_device', 'text')
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('field_versions', 'text', (col) => col.notNull())
    .addColumn('unowned_due_at', 'text')
    .execute();
  await db.schema.createIndex(`${scratchTable}_event_change`).on(scratchTable).columns(['event_id', 'change_seq']).execute();
  await db.schema.createIndex(`${scratchTable}_unowned_due`).on(scratchTable).column('unowned_due_at').execute();
  try {
    const started = performance.now();
    for (let start = 0; start < rows.length; start += applyBatchSize) {
      const batch = rows.slice(start, start + applyBatchSize);
      await db.transaction().execute((trx) => trx.insertInto(scratchTable).values(batch).execute());
    }
    return performance.now() - started;
  } finally {
    await db.schema.dropTable(scratchTable).execute();
  }
}

/**
 * Times the real server process applying createIssue mutations pushed in batches of 1000 by
 * one device (bodies serialised beforehand, each push awaited as a device does), then the raw
 * insert baseline of exactly the rows those pushes stored.
 */
export async function measureApplyRate(
  origin: string,
  storage: Storage,
  device: { deviceId: string; token: string },
  mutations: Omit<PushMutation, 'mutationId'>[],
): Promise<ApplyRate> {
  // A device that has not pushed before: its mutations are numbered from 1 and all its rows are these.
  const bodies = pushBodies(device.deviceId, mutations, applyBatchSize);
  const started = performance.now();
  for (const [i, body] of bodies.entries()) {
    await postPush(origin, device.token, body, Math.min(mutations.length, (i + 1) * applyBatchSize));
  }
  const applyMs = performance.now() - started;
  const rows = await storage.db
    .selectFrom('issues')
    .selectAll()
    .where('reported_by_device', '=', device.deviceId)
    .orderBy('change_seq')
    .limit(mutations.length)
    .execute();
  if (rows.length !== mutations.length) throw new Error(`the server stored ${rows.length} of ${mutations.length} issues`);
  const rawMs = await timeRawInserts(storage, rows);
  return { mutations: mutations.length, applyMs, rawMs };
}
