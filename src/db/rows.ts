import type { Issue, Mood, PersonRef, Severity, Status } from '../domain/issue';
import type { MutationName } from '../domain/mutation-args';
import type { Phrase } from '../domain/phrase';

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
  /** An organizer voided the issue: filed as closed, shown as voided. */
  voided?: boolean;
  /** A restricted case this phone may not read: its summary is the server's placeholder, said in the person's language. */
  restricted?: boolean;
  zoneId: string | null;
  location: string;
  owner: PersonRef | null;
  reportedById: string;
  hasPublicRisk: boolean;
  /** `awaitsFollowUp`: the summary, the follow-up list and the export count the same issues. */
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

/** A change waiting to be sent to the server (the outbox). */
export interface UnsentChange {
  /** This device's number for the change (1, 2, 3…), given when it is queued: resends are harmless. */
  mutationId?: number;
  /** The change's UUID: the id of the timeline entry it makes. */
  mutationUuid: string;
  name: MutationName;
  args: unknown;
  issueId: string;
  actor: PersonRef & { role: string };
  createdAt: string;
  /** Server version of the issue when the change was made (0 = never synced): the merge base. */
  baseVersion?: number;
}

/** A change the server refused, kept aside with its reason instead of blocking or vanishing. */
export interface RefusedChange extends UnsentChange {
  kind: string;
  message: string;
  /** The message as the domain wrote it, said in the person's language (from servers that send it). */
  phrase?: Phrase;
  rejectedAt: string;
  /** When someone read it (and dismissed it, or removed the issue it refused to create). */
  dismissedAt?: string;
}

export interface DraftRow {
  key: string;
  fields: Record<string, unknown>;
  updatedAt: string;
}
