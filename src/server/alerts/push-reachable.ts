import type { Kysely } from 'kysely';
import { devicesReachableByPush } from '../repositories/push-subscription-repository';
import type { ServerDatabase } from '../storage/schema';

/** The devices among these that alerts reach with the app closed: they hold a Web Push subscription. */
export function pushReachableDevices(db: Kysely<ServerDatabase>, deviceIds: string[]): Promise<Set<string>> {
  return devicesReachableByPush(db, deviceIds);
}
