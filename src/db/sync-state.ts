import type { AppErrorData } from '../domain/app-error';
import type { Role } from '../domain/staff';
import type { HelptentDatabase } from './database';

/** This device's membership of a server event and how its syncing goes. */
export interface SyncState {
  token: string;
  role: Role;
  staffName: string;
  eventId: string;
  cursor: number;
  lastSyncedAt: string | null;
  lastError: (AppErrorData & { at: string }) | null;
  /** When the sync engine tries again after `lastError`; null (or absent) while no retry waits. */
  nextTryAt?: string | null;
  /** Rows of pulled pages this phone could not read: kept aside (the newest few) and reported. */
  setAside?: UnreadableRow[];
  /**
   * The server said this device was signed out, and the phone removed the attendee data it held
   * (attendee-data-removal.ts): when, and who signed it out. Its unsent changes stay in the
   * outbox and go once an organizer lets it back in; the next sync that works clears this.
   */
  signedOut?: SignedOut | null;
  /**
   * A catch-up under way: more than a page of the event's changes to fetch (the first after
   * joining, or after long without signal). Written with each page and its cursor, so it survives
   * a closed app and goes on from there; gone once the last page is stored.
   */
  catchUp?: CatchUp | null;
}

/** How far a catch-up got: issues stored so far, of how many (null from a server that does not say). */
export interface CatchUp {
  fetched: number;
  total: number | null;
}

export interface SignedOut {
  at: string;
  /** 'organizer' from Settings → Devices; 'self' when a person signed out and cleared this phone. */
  by: 'organizer' | 'self';
}

/** A pulled issue this phone could not file, and why: the rest of its page synced without it. */
export interface UnreadableRow {
  issueId: string | null;
  version: number | null;
  reason: string;
  at: string;
}

/** Kept on the phone: enough to tell a coordinator which issues, not a growing pile. */
export const maxSetAside = 50;

export const syncStateKey = 'sync';

export async function readSyncState(db: HelptentDatabase): Promise<SyncState | undefined> {
  return (await db.meta.get(syncStateKey))?.value as SyncState | undefined;
}

export async function updateSyncState(db: HelptentDatabase, patch: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await readSyncState(db);
    if (current) await db.meta.put({ key: syncStateKey, value: { ...current, ...patch } });
  });
}
