import Dexie from 'dexie';
import type { AppErrorData } from '../domain/app-error';
import { HelptentDatabase } from './database';

export type OpenDatabaseResult = { ok: true; db: HelptentDatabase } | { ok: false; error: AppErrorData };

export interface OpenDatabaseOptions {
  name?: string;
  /** Another tab opened a newer version of the app: this tab must stop using the database. */
  onVersionChange?: () => void;
}

function causeName(error: unknown): string {
  if (error instanceof Dexie.DexieError) return error.inner?.name ?? error.name;
  return error instanceof Error ? error.name : 'Error';
}

function errorDataOf(error: unknown): AppErrorData {
  const name = causeName(error);
  if (name === 'QuotaExceededError') {
    return {
      kind: 'quota',
      message: 'This phone has no storage space left for Helptent. Free some space (photos, other apps) and try again.',
    };
  }
  return {
    kind: 'storage-unavailable',
    message:
      'Helptent cannot store data in this browser, so nothing you log could be kept. This happens in private browsing and when site data is blocked. Open Helptent in a normal browser tab, or allow site data for this site, then try again.',
  };
}

async function openOnce(options: OpenDatabaseOptions): Promise<HelptentDatabase> {
  const db = new HelptentDatabase(options.name);
  db.on('versionchange', () => {
    // Close so the other tab's upgrade can proceed; this tab asks its user to reload.
    db.close();
    options.onVersionChange?.();
    return false;
  });
  await db.open();
  return db;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabaseResult> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return { ok: false, error: errorDataOf(new Error('indexedDB missing')) };
  }
  try {
    return { ok: true, db: await openOnce(options) };
  } catch (error) {
    // Safari sometimes fails an open with UnknownError after it dropped a background
    // connection; a second attempt usually succeeds.
    if (causeName(error) !== 'UnknownError') return { ok: false, error: errorDataOf(error) };
    try {
      return { ok: true, db: await openOnce(options) };
    } catch (retryError) {
      return { ok: false, error: errorDataOf(retryError) };
    }
  }
}
