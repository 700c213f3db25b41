/**
 * Errors are data with a kind: the UI and the API decide what to say from the kind, and the
 * message is always a sentence a tired staff member (or a newcomer reading a log) can act on.
 */
export const errorKinds = [
  'invalid',
  /** A change the current state does not allow (closing without a resolution…). */
  'invalid-transition',
  'not-found',
  'unauthorized',
  'forbidden',
  'rate-limited',
  'offline',
  'quota',
  'storage-unavailable',
  'server',
  /** The server no longer accepts this app's protocol version: the app must update to sync. */
  'update-needed',
] as const;

export type ErrorKind = (typeof errorKinds)[number];

export interface AppErrorData {
  kind: ErrorKind;
  message: string;
  /** Field-level problems, e.g. from validation: path → sentence. */
  details?: { path: string; message: string }[];
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly details: AppErrorData['details'];

  constructor(kind: ErrorKind, message: string, details?: AppErrorData['details']) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details
      ? { kind: this.kind, message: this.message, details: this.details }
      : { kind: this.kind, message: this.message };
  }
}
