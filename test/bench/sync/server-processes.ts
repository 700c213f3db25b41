import type { Storage } from '../../../src/server/storage/storage';
import { type BenchServer, startServerProcess } from '../browser/bench-server';
import { openServerStorage } from './server-setup';

/**
 * Starts `instances` built server processes on one database and a storage handle to set it up
 * with, runs `step`, and stops them all whatever happens.
 */
export async function withServers<T>(
  databaseUrl: string,
  instances: number,
  step: (servers: BenchServer[], storage: Storage) => Promise<T>,
): Promise<T> {
  const servers: BenchServer[] = [];
  let storage: Storage | undefined;
  try {
    for (let i = 0; i < instances; i += 1) servers.push(await startServerProcess(databaseUrl));
    storage = await openServerStorage(databaseUrl);
    return await step(servers, storage);
  } finally {
    await storage?.close();
    for (const server of servers) await server.stop();
  }
}
