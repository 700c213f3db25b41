import type { HelptentDatabase } from './database';
import { isReopenable, toStorageError } from './storage-errors';

/**
 * Runs a storage operation; when the connection was lost (Safari's UnknownError after the app
 * was in the background), reopens once and retries. Failures come out as AppErrors.
 */
export async function withReopenRetry<T>(db: HelptentDatabase, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isReopenable(error)) throw toStorageError(error);
    try {
      db.close();
      await db.open();
      return await operation();
    } catch (retryError) {
      throw toStorageError(retryError);
    }
  }
}
