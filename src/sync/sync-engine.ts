import type { HelptentDatabase } from '../db/database';
import { readSyncState, updateSyncState } from '../db/sync-state';
import { AppError, type AppErrorData } from '../domain/app-error';
import { backoffDelay } from './backoff';
import { createTransport } from './http';
import { followPokes } from './poke-stream';
import { resendPushSubscriptionIfLost } from './push-refresh';
import { actOnSignedOut, isSignedOut, signedOutMessage } from './signed-out';
import { defaultSyncSizes, type SyncSizes, syncOnce } from './sync-once';

export interface SyncOptions extends SyncSizes {
  /** Pull this often even without pokes (a poke can be missed behind a flaky proxy). */
  pollMs: number;
  /** '' in the app (same origin); the server's origin where the engine runs outside its pages (a bench). */
  baseUrl: string;
}

const defaults: SyncOptions = { ...defaultSyncSizes, pollMs: 60_000, baseUrl: '' };
const updateNeededRetryMs = 15 * 60_000;

/**
 * Sends the outbox and pulls what changed, whenever there is reason to: after a save, when
 * signal returns, when the app comes to the front, when the server pokes, and on a timer with
 * backoff after failures. Never only on reload. Everything it learns is written to the
 * database, where the screens read it.
 */
export class SyncEngine {
  private running = false;
  private stopped = false;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A retry time is on the sync line: cleared when the next try starts. */
  private retryShown = false;
  private stopPokes: (() => void) | undefined;
  private readonly options: SyncOptions;
  private readonly call;

  constructor(
    private readonly db: HelptentDatabase,
    options: Partial<SyncOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
    this.call = createTransport({ baseUrl: this.options.baseUrl });
  }

  start(): void {
    window.addEventListener('online', this.onWake);
    document.addEventListener('visibilitychange', this.onWake);
    this.requestSync();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onWake);
    document.removeEventListener('visibilitychange', this.onWake);
    clearTimeout(this.timer);
    this.stopPokes?.();
  }

  requestSync(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  private readonly onWake = () => {
    if (document.visibilityState === 'visible' && navigator.onLine) {
      this.failures = 0;
      this.requestSync();
    }
  };

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    // A round that was under way when the engine stopped must not start it again.
    if (this.stopped) return;
    this.timer = setTimeout(() => this.requestSync(), delayMs);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      if (this.retryShown) {
        this.retryShown = false;
        await updateSyncState(this.db, { nextTryAt: null });
      }
      // Before the first sync, not only after one succeeded: a phone opened while the server is
      // down then hears the moment it is back.
      await this.followPokes();
      do {
        this.again = false;
        await this.exclusively(() => this.syncOnce());
      } while (this.again);
      this.failures = 0;
      this.schedule(this.options.pollMs);
    } catch (error) {
      const data = await this.explain(error);
      const blocked = data.kind === 'unauthorized' || data.kind === 'update-needed';
      if (!blocked) this.failures += 1;
      const retryMs = blocked ? null : backoffDelay(this.failures, Math.random());
      // A retry after a passing failure is shown as "Next try in N s" with a Try now button.
      const at = new Date();
      await updateSyncState(this.db, {
        lastError: { ...data, at: at.toISOString() },
        nextTryAt: retryMs === null ? null : new Date(at.getTime() + retryMs).toISOString(),
      }).catch(() => undefined);
      if (retryMs === null) {
        this.stopPokes?.();
        this.stopPokes = undefined;
        // Signed out: nothing will work until the device joins again. Too old for the server:
        // the sync line offers the update; everything queued stays, and a rare try keeps going
        // in case the server is rolled back to a version that accepts this app.
        if (data.kind === 'update-needed') this.schedule(updateNeededRetryMs);
        return;
      }
      this.retryShown = true;
      this.schedule(retryMs);
    } finally {
      this.running = false;
    }
  }

  /**
   * What a failed round tells the person. Signed out (the server says so now, or said so before
   * and this round could not even reach it): the attendee data goes, what was not sent stays
   * (signed-out.ts), and the engine waits for a person to try again rather than retrying.
   */
  private async explain(error: unknown): Promise<AppErrorData> {
    if (isSignedOut(error)) return actOnSignedOut(this.db, new Date()).catch(() => (error as AppError).toData());
    const signedOut = (await readSyncState(this.db).catch(() => undefined))?.signedOut;
    if (signedOut) return { kind: 'unauthorized', reason: 'signed-out', message: signedOutMessage(signedOut.by) };
    return error instanceof AppError
      ? error.toData()
      : { kind: 'server', message: 'Syncing failed unexpectedly. Changes wait safely on this phone.' };
  }

  /** The poke stream was refused because the device is signed out: act on it now, not at the next round. */
  private async onSignedOutStream(): Promise<void> {
    clearTimeout(this.timer);
    const data = await actOnSignedOut(this.db, new Date());
    await updateSyncState(this.db, { lastError: { ...data, at: new Date().toISOString() }, nextTryAt: null });
  }

  /** One sync at a time across this phone's tabs, where the browser can coordinate them. */
  private exclusively(task: () => Promise<void>): Promise<void> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    return locks ? locks.request('helptent-sync', task) : task();
  }

  /** Listens for pokes once the device has joined, unless it was signed out or is too old. */
  private async followPokes(): Promise<void> {
    if (this.stopPokes || this.stopped) return;
    const state = await readSyncState(this.db);
    const kind = state?.lastError?.kind;
    if (!state || kind === 'unauthorized' || kind === 'update-needed') return;
    this.stopPokes = followPokes(
      state.token,
      () => this.requestSync(),
      this.options.baseUrl,
      // Refused: signed out (the stream was just closed for it), acted on at once; anything else,
      // a round now learns why. A later join or let-back-in listens again.
      (reason) => {
        this.stopPokes = undefined;
        if (reason === 'signed-out') void this.onSignedOutStream().catch(() => this.requestSync());
        else this.requestSync();
      },
    );
  }

  private async syncOnce(): Promise<void> {
    // Joined or back in favour during this round: listen from now on.
    if (await syncOnce(this.db, this.call, this.options)) {
      await this.followPokes();
      // Let back in after a sign-out: alerts reach the closed app again (push-refresh.ts).
      void resendPushSubscriptionIfLost(this.db).catch(() => undefined);
    }
  }
}
