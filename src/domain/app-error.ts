import type { Phrase } from './phrase';

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

/**
 * Why, beside the kind, when a phone must act on it. A reason rides next to the kind rather than
 * being a kind of its own, so apps from before it still read the kind they know ('unauthorized'
 * for a signed-out device, and stop syncing) while apps that know the reason do more:
 * - `signed-out`: the device was signed out of its event (by an organizer, or by itself at the
 *   end of a shift). The phone removes the attendee data it holds and keeps what it had not sent.
 */
export const errorReasons = ['signed-out'] as const;

export type ErrorReason = (typeof errorReasons)[number];

export interface AppErrorData {
  kind: ErrorKind;
  message: string;
  /** Field-level problems, e.g. from validation: path → sentence. */
  details?: { path: string; message: string }[];
  reason?: ErrorReason;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly details: AppErrorData['details'];
  readonly reason: ErrorReason | undefined;
  /**
   * The message as a phrase, when the domain wrote it so (refusal.ts): each phone says it in its
   * person's language.
   */
  phrase: Phrase | undefined;

  constructor(kind: ErrorKind, message: string, details?: AppErrorData['details'], reason?: ErrorReason) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.details = details;
    this.reason = reason;
  }

  toData(): AppErrorData {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}
