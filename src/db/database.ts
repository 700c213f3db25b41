import Dexie, { type EntityTable } from 'dexie';
import type { FestivalEvent } from '../domain/event';
import type { Issue } from '../domain/issue';
import type { EventPerson } from '../domain/staff';
import type { PhotoFileRow, PhotoUploadRow } from './photo-rows';
import { pagesOf } from './queue-paging';
import { queueRowOf } from './queue-row';
import type { DraftRow, MetaRow, QueuePage, QueueRow, RefusedChange, StoredIssue, UnsentChange } from './rows';

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
  /** The outbox: changes not on the server yet, under this device's mutation ids. */
  unsentChanges!: EntityTable<UnsentChange, 'mutationId'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  /** Changes the server refused, kept aside with its reasons. */
  refusedChanges!: EntityTable<RefusedChange, 'mutationId'>;
  people!: EntityTable<EventPerson, 'id'>;
  /** Photo files (full pictures and thumbnails) as Blobs, by content hash. */
  photoFiles!: EntityTable<PhotoFileRow, 'hash'>;
  /** Photo files still to send, by the photo upload queue: apart from the outbox, so text never waits. */
  photoUploads!: EntityTable<PhotoUploadRow, 'hash'>;

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
    // One name per concept on the phone, the wire and the server: the device's counter is
    // `mutationId` (it was `seq`), the change's UUID `mutationUuid` (it was `mutationId`). A key
    // path cannot be renamed in place, so both stores move to new ones, in mutation id order.
    this.version(8)
      .stores({ unsentChanges: '++mutationId, issueId', refusedChanges: '&mutationId, issueId', outbox: null, rejected: null })
      .upgrade(async (tx) => {
        const renamed = ({ seq, mutationId, ...rest }: { seq: number; mutationId: string }) => ({
          ...rest,
          mutationId: seq,
          mutationUuid: mutationId,
        });
        const unsent = tx.table('unsentChanges');
        await unsent.bulkAdd((await tx.table('outbox').toArray()).map(renamed));
        await tx.table('refusedChanges').bulkAdd((await tx.table('rejected').toArray()).map(renamed));
        // The numbering must go on from the last number this phone ever gave, sent or not: the
        // server skips any number at or below the last it applied. Only the old store's key
        // generator knows it, and only a new record reveals it; a record at the number before it
        // moves the new store's generator there.
        const next = (await tx.table('outbox').add({ issueId: '' })) as number;
        if (next > 1 && !(await unsent.get(next - 1))) {
          await unsent.add({ mutationId: next - 1, issueId: '' });
          await unsent.delete(next - 1);
        }
      });
    // A queue row's follow-up flag follows `awaitsFollowUp` (consent given, personal data not
    // removed), as the summary, the follow-up list and the export do: every row is filed again.
    this.version(9)
      .stores({})
      .upgrade(async (tx) => {
        const event = (await tx.table('meta').get('event'))?.value as FestivalEvent | undefined;
        // A phone that never opened an event has no rows to file.
        if (!event) return;
        const issues = (await tx.table('issues').toArray()) as Issue[];
        await tx.table('queue').clear();
        await tx.table('queuePages').clear();
        await tx.table('queuePages').bulkAdd(pagesOf(issues.map((issue) => queueRowOf(issue, event))));
      });
    // Photos: their files as Blobs by content hash, and the upload queue. Indexed by issue, for
    // the issue screen and for removing a photo's files; everything else reads the few hundred
    // rows whole.
    this.version(10).stores({ photoFiles: '&hash, issueId', photoUploads: '&hash, issueId' });
  }
}
