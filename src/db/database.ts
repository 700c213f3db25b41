import Dexie, { type EntityTable } from 'dexie';
import type { FestivalEvent } from '../domain/event';
import type { Issue } from '../domain/issue';
import type { EventPerson } from '../domain/staff';
import { pagesOf } from './queue-paging';
import { queueRowOf } from './queue-row';
import type { DraftRow, MetaRow, OutboxEntry, QueuePage, QueueRow, RejectedEntry, StoredIssue } from './rows';

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
  people!: EntityTable<EventPerson, 'id'>;

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
    // The event's people, as the server knows them: hand-overs and "Mine" name people who joined.
    this.version(7).stores({ people: '&id' });
  }
}
