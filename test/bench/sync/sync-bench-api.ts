import type { FestivalEvent } from '../../../src/domain/event';
import type { PushMutation } from './workload';

/** A device as the bench joined it on the server; the page stores it as the join screen would. */
export interface PageDevice {
  dbName: string;
  deviceId: string;
  token: string;
  role: 'staff' | 'coordinator';
  staffName: string;
  event: FestivalEvent;
}

export interface FilledOutbox {
  ms: number;
  outbox: number;
}

export interface TimedPush {
  /** syncOnce from its call until the pull that follows the pushes starts: the push part. */
  ms: number;
  /** Time inside the transport (request, server, response parsed), summed over batches. */
  callMs: number;
  batches: number;
  outboxLeft: number;
  /** Changes the server refused (kept aside by settlePush). */
  rejected: number;
  /** The request bodies exactly as sent, for the baseline. */
  bodies: string[];
}

export interface TimedPull {
  ms: number;
  callMs: number;
  /** Time in the bulkPut of each table, summed over pages (inside applyPulledPage's transaction). */
  bulkPutMs: Record<string, number>;
  pages: number;
  issues: number;
  queueRows: number;
}

export interface TimedBaseline {
  ms: number;
  requests: number;
  rows: number;
}

export interface SyncBench {
  /** Joins the page's database to the event and queues createIssue changes with saveChange. */
  fillOutbox(device: PageDevice, mutations: Omit<PushMutation, 'mutationId'>[]): Promise<FilledOutbox>;
  /** Runs the app's syncOnce and times its push part; stops it once it starts pulling. */
  timePush(device: PageDevice, sizes: { batchSize: number; pageSize: number }): Promise<TimedPush>;
  /** Runs the app's syncOnce on a new, empty database of a joined device (nothing to push). */
  timePull(device: PageDevice, sizes: { batchSize: number; pageSize: number }): Promise<TimedPull>;
  /** Baseline: the same pages fetched and written with one Dexie bulkPut each, into a new database. */
  fetchAndBulkPut(options: { dbName: string; token: string; pageSize: number }): Promise<TimedBaseline>;
  /** Baseline: the same bodies POSTed one after another, same headers, to a path that discards them. */
  postBodies(options: { path: string; token: string; bodies: string[] }): Promise<TimedBaseline>;
  deleteDatabase(dbName: string): Promise<void>;
}

declare global {
  interface Window {
    helptentSyncBench: SyncBench;
  }
}
