import type { HelptentDatabase } from '../db/database';
import { readSyncState, updateSyncState } from '../db/sync-state';
import { AppError } from '../domain/app-error';
import { backoffDelay } from './backoff';
import { callServer } from './http';
import { followPokes } from './poke-stream';
import { defaultSyncSizes, type SyncSizes, syncOnce } from './sync-once';

export interface SyncOptions extends SyncSizes {
  /** Pull this often even without pokes (a poke can be missed behind a flaky proxy). */
  pollMs: number;
}

const defaults: SyncOptions = { ...defaultSyncSizes, pollMs: 60_000 };
const updateNeededRetryMs = 15 * 60_000;

/**
 * Sends the outbox and pulls what changed, whenever there is reason to: after a save, when
 * signal returns, when the app comes to the front, when the server pokes, and on a timer with
 * backoff after failures. Never only on reload. Everything it learns is written to the
 * database, where the screens read it.
 */
export class SyncEngine {
  private running = false;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopPokes: (() => void) | undefined;
  private readonly options: SyncOptions;

  constructor(
    private readonly db: HelptentDatabase,
    options: Partial<SyncOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
  }

  start(): void {
    window.addEventListener('online', this.onWake);
    document.addEventListener('visibilitychange', this.onWake);
    this.requestSync();
  }

  stop(): void {
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
    this.timer = setTimeout(() => this.requestSync(), delayMs);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        await this.exclusively(() => this.syncOnce());
      } while (this.again);
      this.failures = 0;
      this.schedule(this.options.pollMs);
    } catch (error) {
      const data =
        error instanceof AppError
          ? error.toData()
          : { kind: 'server' as const, message: 'Syncing failed unexpectedly. Changes wait safely on this phone.' };
      await updateSyncState(this.db, { lastError: { ...data, at: new Date().toISOString() } }).catch(() => undefined);
      if (data.kind === 'unauthorized') {
        this.stopPokes?.();
        this.stopPokes = undefined;
        return; // Signed out: nothing will work until the device joins again.
      }
      if (data.kind === 'update-needed') {
        // Too old for the server: the sync line offers the update. Everything queued stays; a
        // rare try keeps going in case the server is rolled back to a version that accepts us.
        this.stopPokes?.();
        this.stopPokes = undefined;
        this.schedule(updateNeededRetryMs);
        return;
      }
      this.failures += 1;
      this.schedule(backoffDelay(this.failures, Math.random()));
    } finally {
      this.running = false;
    }
  }

  /** One sync at a time across this phone's tabs, where the browser can coordinate them. */
  private exclusively(task: () => Promise<void>): Promise<void> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    return locks ? locks.request('helptent-sync', task) : task();
  }

  private async syncOnce(): Promise<void> {
    const joined = await syncOnce(this.db, callServer, this.options);
    if (joined && !this.stopPokes) {
      const state = await readSyncState(this.db);
      if (state) this.stopPokes = followPokes(state.token, () => this.requestSync());
    }
  }
}
