import type { AppErrorData } from '../domain/app-error';
import { HelptentDatabase } from './database';
import { storageErrorName, toOpeningError } from './storage-errors';

export type OpenDatabaseResult = { ok: true; db: HelptentDatabase } | { ok: false; error: AppErrorData };

export interface OpenDatabaseOptions {
  name?: string;
  /** Another tab opened a newer version of the app: this tab must stop using the database. */
  onVersionChange?: () => void;
  /** Still opening after a few seconds: what to tell the person (they may still wait). */
  onSlow?: (error: AppErrorData) => void;
}

// Asked for at once, but kept out of the first-load bundle (its budget is full).
const pageCacheGuard = import('./page-cache-guard').catch(() => null);

async function openOnce(options: OpenDatabaseOptions): Promise<HelptentDatabase> {
  const db = new HelptentDatabase(options.name);
  db.on('versionchange', () => {
    // Close so the other tab's upgrade can proceed; this tab asks its user to reload.
    db.close();
    options.onVersionChange?.();
    return false;
  });
  (await pageCacheGuard)?.guardDatabase(db, options.onSlow);
  await db.open();
  return db;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabaseResult> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return { ok: false, error: toOpeningError(new Error('indexedDB missing')) };
  }
  try {
    return { ok: true, db: await openOnce(options) };
  } catch (error) {
    // Safari sometimes fails an open with UnknownError after it dropped a background
    // connection; a second attempt usually succeeds.
    if (storageErrorName(error) !== 'UnknownError') return { ok: false, error: toOpeningError(error) };
    try {
      return { ok: true, db: await openOnce(options) };
    } catch (retryError) {
      return { ok: false, error: toOpeningError(retryError) };
    }
  }
}
