import { withoutContactDetails } from '../domain/attendee-redaction';
import type { FestivalEvent } from '../domain/event';
import type { Attendee } from '../domain/issue';
import { argsWithoutAttendeeData, issueWithoutAttendeeData } from '../domain/issue-redaction';
import { noAttendee } from '../domain/personal-data';
import { mapPhraseText } from '../domain/phrase';
import type { HelptentDatabase } from './database';
import type { DeviceIdentity } from './device-repository';
import { fileQueueRowsInBulk } from './queue-pages';
import type { DraftRow } from './rows';
import { type SignedOut, type SyncState, syncStateKey } from './sync-state';

/**
 * What a signed-out phone does with the attendee data it holds. Lost or stolen, it must not keep
 * every attendee's details it ever received; but what its user typed and the server has not got
 * yet may be the only copy, and belongs to them. So the outbox (`unsentChanges`: every unsent
 * change, the creation of every issue the server never acknowledged included) is kept exactly as
 * it is, and goes out by the ordinary push once an organizer lets the phone back in. Everything
 * else that can hold attendee data is cleaned in the same transaction.
 */

/** Draft fields (the logging form, capture-form-state.ts) that hold the attendee's details or a link to them. */
const draftContactKeys = ['attendeeName', 'email', 'phone', 'ticketId', 'sourceLink'] as const;

/** A draft's typed text kept, its attendee's contact fields blanked and its free text redacted. */
function draftWithoutAttendeeData(draft: DraftRow): DraftRow {
  const typed = (key: string) => (typeof draft.fields[key] === 'string' ? (draft.fields[key] as string) : '');
  const attendee: Attendee = {
    ...noAttendee,
    name: typed('attendeeName'),
    email: typed('email'),
    phone: typed('phone'),
    ticketId: typed('ticketId'),
  };
  const fields = Object.fromEntries(
    Object.entries(draft.fields).map(([key, value]) => [
      key,
      (draftContactKeys as readonly string[]).includes(key)
        ? ''
        : typeof value === 'string'
          ? withoutContactDetails(value, attendee)
          : value,
    ]),
  );
  return { ...draft, fields };
}

/**
 * Removes attendee personal data from everything this phone holds but its outbox, in one
 * transaction: every issue (contact fields blanked, free text redacted; figures, categories,
 * moods, times and statuses kept), the queue rows and their search text (filed again from the
 * cleaned issues), the changes the server refused (kept as a record, their arguments cleaned),
 * drafts, and the pulled rows set aside as unreadable. The pull cursor goes back to the start, so
 * if an organizer lets the phone back in it fetches again what its role may see.
 *
 * Outreach templates are the festival's own words with placeholders (a message is filled in when
 * shown, never stored), the export log records say only what was exported and how many rows, and
 * the people directory names staff, not attendees: those stay.
 */
export async function removeAttendeeData(db: HelptentDatabase, signedOut: SignedOut): Promise<void> {
  await db.transaction(
    'rw',
    [db.meta, db.issues, db.queue, db.queuePages, db.drafts, db.refusedChanges, db.unsentChanges],
    async () => {
      const issues = await db.issues.toArray();
      const attendeeOf = new Map(issues.map((issue) => [issue.id, issue.attendee]));
      const cleaned = issues.map(issueWithoutAttendeeData);
      await db.issues.bulkPut(cleaned);
      await db.queue.clear();
      await db.queuePages.clear();
      const event = (await db.meta.get('event'))?.value as FestivalEvent | undefined;
      if (event) await fileQueueRowsInBulk(db, cleaned, event);

      await cleanRefusedChanges(db.refusedChanges.toCollection(), attendeeOf);
      const drafts = await db.drafts.toArray();
      await db.drafts.bulkPut(drafts.map(draftWithoutAttendeeData));

      const state = (await db.meta.get(syncStateKey))?.value as SyncState | undefined;
      if (state) {
        const value: SyncState = {
          ...state,
          cursor: 0,
          signedOut,
          ...(state.setAside
            ? { setAside: state.setAside.map((row) => ({ ...row, reason: withoutContactDetails(row.reason, noAttendee) })) }
            : {}),
        };
        await db.meta.put({ key: syncStateKey, value });
      }
    },
  );
}

/**
 * Changes the server refused are kept to be read; what they said of an attendee goes (the
 * attendee of the issue each was made to, `attendeeOf`, may be named in a note). In the caller's
 * transaction.
 */
export async function cleanRefusedChanges(
  refused: ReturnType<HelptentDatabase['refusedChanges']['toCollection']>,
  attendeeOf: Map<string, Attendee>,
): Promise<void> {
  await refused.modify((change) => {
    const attendee = attendeeOf.get(change.issueId) ?? noAttendee;
    change.args = argsWithoutAttendeeData(change.args, attendee);
    change.message = withoutContactDetails(change.message, attendee);
    if (change.phrase) change.phrase = mapPhraseText(change.phrase, (text) => withoutContactDetails(text, attendee));
  });
}

/** How "Sign out and clear this phone" left it. */
export type ClearOutcome =
  /** Nothing was waiting: the phone is as if it never joined, ready for the next person's code. */
  | { cleared: 'all' }
  /** Changes were waiting: kept, with the membership that can still send them; attendee data removed. */
  | { cleared: 'attendee-data'; keptChanges: number };

/**
 * After the server signed this device out at its user's request (the end of a shift). A shared
 * phone must be ready for the next person, who joins with their own code, and show them nothing of
 * the last one's attendees or people. With nothing waiting, it forgets the event's issues (all on
 * the server), refusals, drafts, the people who joined on it, the event's directory and its
 * membership, and takes a new device id: the old one stays signed out on the server, and a join
 * code never brings a signed-out id back. With changes waiting (the person chose to clear anyway),
 * those are kept with the membership that can send them, and the rest is cleaned as after an
 * organizer's sign-out; once an organizer lets it back in and they are sent, "Sign out and clear"
 * leaves it blank. Decided in one transaction with the outbox, so a save cannot slip in between.
 */
export async function clearAfterSelfSignOut(
  db: HelptentDatabase,
  at: string,
  newIdentity: DeviceIdentity,
): Promise<ClearOutcome> {
  return db.transaction(
    'rw',
    [db.meta, db.issues, db.queue, db.queuePages, db.drafts, db.refusedChanges, db.unsentChanges, db.people],
    async (): Promise<ClearOutcome> => {
      const keptChanges = await db.unsentChanges.count();
      if (keptChanges > 0) {
        await removeAttendeeData(db, { at, by: 'self' });
        return { cleared: 'attendee-data', keptChanges };
      }
      await Promise.all([
        db.issues.clear(),
        db.queue.clear(),
        db.queuePages.clear(),
        db.drafts.clear(),
        db.refusedChanges.clear(),
        db.people.clear(),
      ]);
      // The export log records were this device's to report; the next person's device is another.
      await db.meta.bulkDelete([syncStateKey, 'staff', 'pending-export-logs']);
      await db.meta.put({ key: 'device', value: newIdentity });
      return { cleared: 'all' };
    },
  );
}

/** The changes kept because the phone was signed out, oldest first, for Settings to list. */
export function readKeptChanges(db: HelptentDatabase) {
  return db.unsentChanges.toArray();
}
