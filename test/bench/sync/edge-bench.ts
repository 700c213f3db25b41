import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from '../result';
import { benchNotePile, benchSignalReturns } from './edge-load';
import { withServers } from './server-processes';
import { createBenchEvent, freshPostgresSchema, joinDevices } from './server-setup';
import { demoCreateIssues } from './workload';

export interface EdgeBenchResult {
  rows: BenchRow[];
  failures: string[];
}

const phones = 500;
const changesPerPhone = 20;
const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/** What one phone, or all of them at once, can do to the server: issue 12's load goals. */
async function benchBackend(databaseUrl: string, instances: number, label: string): Promise<BenchRow[]> {
  return withServers(databaseUrl, instances, async (servers, storage) => {
    const eventId = await createBenchEvent(storage);
    const joined = await joinDevices(storage, eventId, 'staff', phones + 1, 'Returning phone');
    const mutations = demoCreateIssues(7, phones * changesPerPhone + 1);
    const rows = await benchSignalReturns({
      origins: servers.map((s) => s.origin),
      phones: joined.slice(0, phones),
      mutations: mutations.slice(1),
      changesPerPhone,
      label,
    });
    rows.push(...(await benchNotePile(servers[0]!.origin, joined[phones]!, mutations[0]!, label)));
    return rows;
  });
}

export async function benchEdges(): Promise<EdgeBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-edge-bench-'));
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  try {
    try {
      rows.push(...(await benchBackend(`sqlite:${join(dir, 'server.sqlite')}`, 1, 'SQLite')));
    } catch (error) {
      failures.push(`edge load on SQLite: ${message(error)}`);
    }
    const postgresUrl = process.env.TEST_DATABASE_URL;
    if (!postgresUrl) console.log('edge bench: PostgreSQL rows skipped: TEST_DATABASE_URL is not set.');
    else {
      const schema = await freshPostgresSchema(postgresUrl);
      try {
        rows.push(...(await benchBackend(schema.url, 2, 'PostgreSQL, 2 instances')));
      } catch (error) {
        failures.push(`edge load on PostgreSQL: ${message(error)}`);
      } finally {
        await schema.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, failures };
}
