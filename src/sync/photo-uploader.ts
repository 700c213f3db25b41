import type { HelptentDatabase } from '../db/database';
import { enforcePhotoBudget } from '../db/photo-budget';
import { readPhotoFile } from '../db/photo-repository';
import {
  clearUploadProblems,
  followUploadsToSend,
  markUploadProblem,
  readUploadsToSend,
  setAsideRefusedUploads,
} from '../db/photo-upload-queue';
import { readSyncState } from '../db/sync-state';
import { AppError } from '../domain/app-error';
import { backoffDelay } from './backoff';
import { createPhotoHttp, type PhotoHttpOptions } from './photo-http';
import { uploadPhotoFile } from './photo-upload';

export interface PhotoUploaderOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  chunkBytes?: number;
  /** Where the uploader runs without a window (a test): no online or visibility events. */
  events?: boolean;
}

/** The server will not take this file as it is: trying again would fail the same way. */
const permanentKinds: readonly string[] = ['invalid', 'forbidden', 'not-found'];

/**
 * The photo upload queue's own loop, beside the text sync and never in its way: its requests,
 * its backoff and its lock are its own, so a slow picture on one bar of signal delays no issue
 * or note. It wakes when asked (a photo was saved, a push took an attachPhoto change), when
 * signal returns and when the app comes to the front, and retries with backoff after failures.
 */
export class PhotoUploader {
  private running = false;
  private again = false;
  private stopped = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unfollow: (() => void) | undefined;
  /** Settles when the current round ends: tests and callers wait on it. */
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: HelptentDatabase,
    private readonly options: PhotoUploaderOptions = {},
  ) {}

  start(): void {
    if (this.options.events !== false) {
      window.addEventListener('online', this.onWake);
      document.addEventListener('visibilitychange', this.onWake);
    }
    void clearUploadProblems(this.db)
      .catch(() => undefined)
      .then(() => {
        if (this.stopped) return;
        this.unfollow = followUploadsToSend(this.db, () => this.request());
        this.request();
      });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unfollow?.();
    if (this.options.events !== false) {
      window.removeEventListener('online', this.onWake);
      document.removeEventListener('visibilitychange', this.onWake);
    }
  }

  /** Something may be ready to send: start a round, or run one more after the current one. */
  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.round = this.run();
  }

  /** Resolves once no round is running (the queue is empty, waits, or a retry is scheduled). */
  async idle(): Promise<void> {
    while (this.running) await this.round;
  }

  private readonly onWake = () => {
    if (document.visibilityState === 'visible' && navigator.onLine) {
      this.failures = 0;
      this.request();
    }
  };

  private async run(): Promise<void> {
    this.running = true;
    clearTimeout(this.timer);
    try {
      do {
        this.again = false;
        await this.exclusively(() => this.sendAll());
      } while (this.again && !this.stopped);
      this.failures = 0;
    } catch (error) {
      const kind = error instanceof AppError ? error.kind : 'server';
      // Signed out or too old: the text sync says why; a person's next action wakes this loop.
      if (kind !== 'unauthorized' && kind !== 'update-needed' && !this.stopped) {
        this.failures += 1;
        this.timer = setTimeout(() => this.request(), backoffDelay(this.failures, Math.random()));
      }
    } finally {
      this.running = false;
    }
  }

  /** One upload at a time across this phone's tabs, where the browser can coordinate them. */
  private exclusively(task: () => Promise<void>): Promise<void> {
    const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
    return locks ? locks.request('helptent-photos', task) : task();
  }

  private async sendAll(): Promise<void> {
    const state = await readSyncState(this.db);
    // Not joined (nothing to send to) or signed out (the token no longer works).
    if (!state || state.signedOut) return;
    const http = createPhotoHttp({
      token: state.token,
      ...(this.options.baseUrl !== undefined ? { baseUrl: this.options.baseUrl } : {}),
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.events === false ? { isOnline: () => true } : {}),
    } satisfies PhotoHttpOptions);
    await setAsideRefusedUploads(this.db);
    for (;;) {
      if (this.stopped) return;
      // Read again after each file: a thumbnail saved meanwhile goes before the next full picture.
      const [row] = await readUploadsToSend(this.db);
      if (!row) return;
      const file = await readPhotoFile(this.db, row.hash);
      if (!file) {
        await markUploadProblem(this.db, row.hash, 'The photo’s file is missing from this phone.');
        continue;
      }
      try {
        await uploadPhotoFile(this.db, http, row, file.blob, this.options.chunkBytes);
      } catch (error) {
        if (!(error instanceof AppError) || !permanentKinds.includes(error.kind)) throw error;
        await markUploadProblem(this.db, row.hash, error.message);
        continue;
      }
      // Now on the server, it may be dropped from the phone if photos take more than their budget.
      await enforcePhotoBudget(this.db);
    }
  }
}
