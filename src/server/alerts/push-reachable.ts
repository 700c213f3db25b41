import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../storage/schema';

/**
 * The devices among these that alerts reach with the app closed (they hold a Web Push
 * subscription). Web Push arrives on its own branch; until it is wired in, no device is
 * reachable that way, and coordinators see every on-duty phone as one that must keep the app open.
 */
export async function pushReachableDevices(_db: Kysely<ServerDatabase>, _deviceIds: string[]): Promise<Set<string>> {
  return new Set();
}
