import type { FastifyBaseLogger } from 'fastify';
import { stampDevicePull } from '../repositories/device-repository';
import type { Storage } from '../storage/storage';

/**
 * When each device last pulled, kept in memory and written every few seconds in one
 * transaction: a pull never writes, so pulls go on when the disk is full or read-only, and
 * five hundred polling phones do not queue for the write lock. Coordinators read the stamps to
 * the minute ("quiet for 12 min"); the devices list writes the pending ones first.
 */
export class PullStamps {
  private pending = new Map<string, string>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly storage: Storage,
    private readonly log: FastifyBaseLogger,
    everyMs = 10_000,
  ) {
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  note(deviceId: string, at: Date): void {
    this.pending.set(deviceId, at.toISOString());
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0 || this.storage.liveProblem()) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.storage.db.transaction().execute(async (trx) => {
        for (const [deviceId, at] of batch) await stampDevicePull(trx, deviceId, at);
      });
    } catch (error) {
      this.log.warn({ err: error }, 'could not record when devices last pulled; trying again later');
      for (const [deviceId, at] of batch) if (!this.pending.has(deviceId)) this.pending.set(deviceId, at);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
