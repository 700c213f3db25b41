import Dexie from 'dexie';
import { AppError } from '../domain/app-error';

function nameOf(error: unknown): string {
  if (error instanceof Dexie.DexieError) return error.inner?.name ?? error.name;
  return error instanceof Error ? error.name : '';
}

export function isQuotaError(error: unknown): boolean {
  return nameOf(error) === 'QuotaExceededError' || (error instanceof Error && /quota/i.test(error.message));
}

/** Failures after which reopening the database usually helps (Safari drops idle connections). */
export function isReopenable(error: unknown): boolean {
  return ['UnknownError', 'DatabaseClosedError', 'InvalidStateError'].includes(nameOf(error));
}

export function toStorageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isQuotaError(error)) {
    return new AppError(
      'quota',
      'This phone is out of storage space, so the change was not saved. What you typed is still here: free some space (photos, other apps) and save again.',
    );
  }
  return new AppError(
    'storage-unavailable',
    'The phone’s storage did not accept the change, so it was not saved. What you typed is still here: try saving again, or reload Helptent.',
  );
}
