import type { AlertKind } from './alert-rules';
import type { LostPersonCase } from './lost-person';
import type { CustodyStep, LostProperty } from './lost-property';
import type { PersonRef } from './person-ref';
import type { PhotoRef } from './photo';
import type { Phrase } from './phrase';

/** The attendee issue as stored on phones and on the server. Absent values are null or ''. */
export const severities = ['low', 'medium', 'high', 'urgent'] as const;
export type Severity = (typeof severities)[number];

export const statuses = ['open', 'in_progress', 'resolved', 'referred', 'follow_up', 'closed'] as const;
export type Status = (typeof statuses)[number];

export const sources = ['in_person', 'phone', 'social', 'email', 'radio'] as const;
export type SourceKind = (typeof sources)[number];

/** From worst to best, so "left happier" is a larger index at close than at intake. */
export const moods = ['angry', 'upset', 'neutral', 'satisfied', 'delighted'] as const;
export type Mood = (typeof moods)[number];

export const publicRiskLevels = ['none', 'threatens_to_post', 'posted', 'press_present'] as const;
export type PublicRiskLevel = (typeof publicRiskLevels)[number];

export const contactChannels = ['email', 'phone', 'sms'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const outreachStates = ['pending', 'sent', 'replied', 'done'] as const;
export type OutreachState = (typeof outreachStates)[number];

export const followUpReasons = ['apology', 'refund', 'lost_property', 'thank_you', 'other'] as const;
export type FollowUpReason = (typeof followUpReasons)[number];

export type { PersonRef };

export interface Attendee {
  name: string;
  email: string;
  phone: string;
  ticketId: string;
  preferredChannel: ContactChannel | null;
  /**
   * The language the attendee spoke with staff, as a two- or three-letter code ("nl"), so a
   * follow-up reaches them in it. Absent when nobody asked, and on issues logged before it was
   * asked; it goes (and is erased) with the rest of the attendee's details.
   */
  language?: string | undefined;
}

export interface Consent {
  given: boolean;
  /** When the attendee said yes (device time); null when not given. */
  at: string | null;
}

export interface PublicRisk {
  level: PublicRiskLevel;
  /** Link to the post, when there is one. */
  link: string;
  escalatedToComms: boolean;
  escalatedAt: string | null;
}

export interface FollowUp {
  needed: boolean;
  dueAt: string | null;
  channel: ContactChannel | null;
  reason: FollowUpReason | null;
  outreach: OutreachState;
}

export const timelineKinds = [
  'created',
  'note',
  'fields',
  'status',
  'owner',
  'handover',
  'mood',
  'public-risk',
  'told-attendee',
  'follow-up',
  /** Recorded by the server when two people changed the same field without seeing each other's change. */
  'conflict',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** Append-only: entries are never edited or removed. */
export interface TimelineEntry {
  id: string;
  at: string;
  by: PersonRef;
  kind: TimelineKind;
  /**
   * A sentence for people in English ("Status: open → in progress"): what exports, the server and
   * apps from before `phrase` show.
   */
  text: string;
  /**
   * The same sentence as a phrase, which each phone says in its person's language. Absent on
   * entries written before phrases (they show `text`).
   */
  phrase?: Phrase | undefined;
  /** Free text typed by staff (note, handover note, what we told the attendee). */
  note: string;
  /**
   * What the phone's clock said, when the server found it impossible (a reset battery, a clock
   * set by hand) and `at` is when the change reached the server instead.
   */
  deviceAt?: string | undefined;
  /** Set on the steps of a lost-property item's chain of custody (found, stored, handed back…). */
  custody?: CustodyStep | undefined;
  /** Set on the entry of an "I'm on it" answer to an alert: the summary counts alerts and time to answer. */
  alert?: AlertAnswer | undefined;
}

/** Which alert an "I'm on it" answered, and when the server raised it. */
export interface AlertAnswer {
  id: string;
  kind: AlertKind;
  raisedAt: string;
}

export interface Issue {
  id: string;
  eventId: string;
  createdAt: string;
  updatedAt: string;
  reportedBy: PersonRef;
  source: { kind: SourceKind; link: string };
  category: string;
  severity: Severity;
  zoneId: string | null;
  location: string;
  summary: string;
  details: string;
  attendee: Attendee;
  consent: Consent;
  moodAtIntake: Mood | null;
  moodAtClose: Mood | null;
  publicRisk: PublicRisk;
  status: Status;
  owner: PersonRef | null;
  /** First time someone took it on (owner assigned or status moved on from open). */
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  followUp: FollowUp;
  resolution: string;
  /**
   * The resolution as a phrase, when the domain wrote it itself ("Handed back to Mia."): each
   * phone says it in its person's language for as long as `resolution` still reads as it.
   */
  resolutionSaid?: Phrase | undefined;
  toldAttendee: string;
  tags: string[];
  timeline: TimelineEntry[];
  /**
   * Set when an organizer voided the issue (logged by mistake, a test, a broken phone's nonsense):
   * it stays on the record and in the issues export, and leaves every list, count and summary.
   */
  voided?: Voided | undefined;
  /** Set when the attendee's personal data was erased on request or removed after the retention period. */
  personalDataRemoved?: PersonalDataRemoved | undefined;
  /**
   * Set by the server on a copy sent to a device that may not read attendee contact details,
   * when there were some: they are held by the coordinators (staff need not ask again).
   */
  contactWithheld?: boolean | undefined;
  /** Photos attached to the issue, oldest first; the files travel by the photo upload queue. */
  photos?: PhotoRef[] | undefined;
  /** A found item or a lost report of the lost-property desk. */
  lostProperty?: LostProperty | undefined;
  /**
   * Set by the server on the copy of a restricted case (medical, welfare, safeguarding) sent to a
   * device that may not see its details: it holds only that the case exists, where and who has it.
   */
  restricted?: boolean | undefined;
  /** A lost person case: the description, found and reunited. */
  lostPerson?: LostPersonCase | undefined;
}

export type RemovalReason = 'erasure' | 'retention';

export interface PersonalDataRemoved {
  at: string;
  by: PersonRef;
  why: RemovalReason;
}

export interface Voided {
  at: string;
  by: PersonRef;
  reason: string;
}

export function isVoided(issue: Pick<Issue, 'voided'>): boolean {
  return issue.voided !== undefined && issue.voided !== null;
}

export const statusLabels: Record<Status, string> = {
  open: 'open',
  in_progress: 'in progress',
  resolved: 'resolved',
  referred: 'referred',
  follow_up: 'follow-up',
  closed: 'closed',
};

export const publicRiskLabels: Record<PublicRiskLevel, string> = {
  none: 'no public risk',
  threatens_to_post: 'threatens to post',
  posted: 'posted publicly',
  press_present: 'press present',
};

export function hasPublicRisk(issue: Pick<Issue, 'publicRisk'>): boolean {
  return issue.publicRisk.level !== 'none';
}

export function hasConsent(issue: Pick<Issue, 'consent'>): boolean {
  return issue.consent.given;
}
