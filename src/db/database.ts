import Dexie, { type EntityTable } from 'dexie';
import type { FestivalEvent } from '../domain/event';
import type { Issue, Mood, PersonRef, Severity, Status } from '../domain/issue';
import type { MutationName } from '../domain/mutation-args';
import { pagesOf } from './queue-pages';
import { queueRowOf } from './queue-row';

/** Small facts about this device and its user, keyed by name (device id, event, staff, …). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The compact row the queue lists and filters: a few hundred bytes instead of the whole issue
 * with its timeline, so 20,000 of them load and filter quickly on a phone.
 */
export interface QueueRow {
  id: string;
  eventId: string;
  /** Operational day (event timezone, day start), "YYYY-MM-DD". */
  day: string;
  /** Clock hour (0–23, event timezone) it was logged in: the summary's hour bars link here. */
  hour: number;
  createdAt: string;
  updatedAt: string;
  summary: string;
  category: string;
  severity: Severity;
  status: Status;
  zoneId: string | null;
  location: string;
  owner: PersonRef | null;
  reportedById: string;
  hasPublicRisk: boolean;
  needsFollowUp: boolean;
  /** Consent to be contacted after the event (follow-up and evangelist lists need it). */
  hasConsent: boolean;
  moodAtClose: Mood | null;
  firstResponseAt: string | null;
  /** Lower-cased text that search looks in. */
  searchText: string;
}

/**
 * Queue rows that arrived in bulk (a pulled page, an import), up to 2,000 to a record: IndexedDB
 * charges per record far more than per byte, and a phone catching up on 50,000 issues spent
 * three seconds writing their queue rows one record each.
 */
export interface QueuePage {
  /** Write order: of two pages holding a row of the same issue, the later one is newer. */
  id?: number;
  rows: QueueRow[];
}

/** An issue as the phone stores it: with the server version its copy rests on. */
export interface StoredIssue extends Issue {
  /**
   * Server change sequence of the copy last pulled (0: the server has not sent it yet): the base
   * of this device's next change to the issue, and how "synced" is told from "on this phone".
   */
  serverVersion: number;
}

/** A change waiting to be sent to the server; `seq` is this device's increasing mutation id. */
export interface OutboxEntry {
  seq?: number;
  mutationId: string;
  name: MutationName;
  args: unknown;
  issueId: string;
  actor: PersonRef & { role: string };
  createdAt: string;
  /** Server version of the issue when the change was made (0 = never synced): the merge base. */
  baseVersion?: number;
}

/** A change the server refused, kept aside with its reason instead of blocking or vanishing. */
export interface RejectedEntry extends OutboxEntry {
  kind: string;
  message: string;
  rejectedAt: string;
  /** When someone read it (and dismissed it, or removed the issue it refused to create). */
  dismissedAt?: string;
}

export interface DraftRow {
  key: string;
  fields: Record<string, unknown>;
  updatedAt: string;
}

/**
 * The phone's database. Each schema change is a new `version(n)` below the others, never an
 * edit of a shipped one: phones in the field upgrade from whatever version they hold.
 */
export class HelptentDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  issues!: EntityTable<StoredIssue, 'id'>;
  /** Queue rows written one at a time (this phone's saves): newer than any page row of their issue. */
  queue!: EntityTable<QueueRow, 'id'>;
  queuePages!: EntityTable<QueuePage, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  rejected!: EntityTable<RejectedEntry, 'seq'>;

  constructor(name = 'helptent') {
    // Strict durability: "saved on this phone" must survive the battery dying a second later.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ meta: '&key' });
    this.version(2).stores({
      issues: '&id, eventId',
      queue: '&id, [eventId+day], [eventId+createdAt]',
      outbox: '++seq, issueId',
      drafts: '&key',
    });
    this.version(3).stores({ versions: '&id', rejected: '&seq, issueId' });
    // Queue rows learned consent and mood at close. Its re-filing of every row is now done by
    // version 5, which re-files them all again; a phone coming from 3 files them once.
    this.version(4).stores({});
    // Server versions move into the queue rows (one record fewer per pulled issue), rows learn
    // the hour they were logged in, and the queue loses its indexes: a phone holds one event,
    // whose rows are always read whole and sorted in memory, while every index is written again
    // for each of 50,000 pulled rows.
    this.version(5)
      .stores({ queue: '&id', versions: null })
      .upgrade(async (tx) => {
        const event = (await tx.table('meta').get('event'))?.value as FestivalEvent | undefined;
        const versions = new Map(
          ((await tx.table('versions').toArray()) as { id: string; version: number }[]).map((v) => [v.id, v.version]),
        );
        if (!event) return;
        const issues = (await tx.table('issues').toArray()) as Issue[];
        await tx
          .table('queue')
          .bulkPut(issues.map((issue) => ({ ...queueRowOf(issue, event), version: versions.get(issue.id) ?? 0 })));
      });
    // Pulled queue rows are written in pages of many rows, and the server version moves into the
    // issue record, where a save reads it anyway. The rows a phone holds become its first pages.
    this.version(6)
      .stores({ queuePages: '++id' })
      .upgrade(async (tx) => {
        const held = (await tx.table('queue').toArray()) as (QueueRow & { version?: number })[];
        const versions = new Map(held.map((row) => [row.id, row.version ?? 0]));
        await tx
          .table('issues')
          .toCollection()
          .modify((issue: StoredIssue) => {
            issue.serverVersion = versions.get(issue.id) ?? 0;
          });
        await tx.table('queuePages').bulkAdd(pagesOf(held.map(({ version: _, ...row }) => row)));
        await tx.table('queue').clear();
      });
  }
}
