import { AppError, type AppErrorData } from '../domain/app-error';

/**
 * The one place storage failures (quota, a dropped or blocked database) become sentences: for a
 * change that could not be saved, a draft that could not be kept, and a database that cannot
 * be opened.
 */

export function storageErrorName(error: unknown): string {
  // A DexieError (an Error) carries the browser's own error as `inner`. Told apart by shape, not
  // by Dexie's class, so the first screen's code does not wait for Dexie to load.
  if (!(error instanceof Error)) return 'Error';
  const innerName = (error as { inner?: { name?: unknown } | null }).inner?.name;
  return typeof innerName === 'string' ? innerName : error.name;
}

export function isQuotaError(error: unknown): boolean {
  return storageErrorName(error) === 'QuotaExceededError' || (error instanceof Error && /quota/i.test(error.message));
}

/** Failures after which reopening the database usually helps (Safari drops idle connections). */
export function isReopenable(error: unknown): boolean {
  return ['UnknownError', 'DatabaseClosedError', 'InvalidStateError'].includes(storageErrorName(error));
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

/**
 * A photo could not be stored with its change. Nothing of it was written (the change, its files
 * and its upload are one transaction); the issue and every form on screen are as they were.
 */
export function toPhotoStorageError(error: unknown): AppError {
  const quota = isQuotaError(error) || (error instanceof AppError && error.kind === 'quota');
  if (quota) return new AppError('quota', 'This phone is full: the photo was not kept; the issue is saved.');
  if (error instanceof AppError && error.kind !== 'storage-unavailable') return error;
  return new AppError(
    'storage-unavailable',
    'The phone’s storage did not accept the photo, so it was not kept; the issue is saved. Try adding it again.',
  );
}

/** The form's text could not be kept as a draft: it is still on screen, but a closed tab would lose it. */
export function toDraftError(error: unknown): AppError {
  const quota = isQuotaError(error) || (error instanceof AppError && error.kind === 'quota');
  return new AppError(
    quota ? 'quota' : 'storage-unavailable',
    quota
      ? 'This phone is out of storage space, so what you type is not kept if Helptent closes. Save the issue as soon as you can, and free some space.'
      : 'What you type is not being kept on this phone if Helptent closes. Save the issue as soon as you can.',
  );
}

/** Helptent could not open (or first write to) its database: nothing could be kept. */
export function toOpeningError(error: unknown): AppErrorData {
  if (isQuotaError(error)) {
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
