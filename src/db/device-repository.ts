import type { HelptentDatabase } from './database';

export interface DeviceIdentity {
  deviceId: string;
  firstOpenedAt: string;
}

const key = 'device';

/**
 * The device's identity is created once, on first open, and never changes: later the sync
 * engine numbers this device's mutations under it. Ids and time come from the caller.
 */
export async function ensureDeviceIdentity(db: HelptentDatabase, candidate: DeviceIdentity): Promise<DeviceIdentity> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(key);
    if (existing) return existing.value as DeviceIdentity;
    await db.meta.add({ key, value: candidate });
    return candidate;
  });
}

export async function readDeviceIdentity(db: HelptentDatabase): Promise<DeviceIdentity | undefined> {
  return (await db.meta.get(key))?.value as DeviceIdentity | undefined;
}
