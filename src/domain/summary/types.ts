import type { FollowUpReason, Mood, OutreachState, PublicRiskLevel, Severity, Status, TimelineKind } from '../issue';
import type { Phrase } from '../phrase';
import type { DurationStats } from './stats';

/**
 * The end-of-day summary of one operational day: a plain, JSON-safe object (no Dates, no Maps,
 * no NaN) so a phone can keep it and the server can export it as is. It holds no attendee
 * contact details: free text is passed through withoutContactDetails, and follow-ups are
 * counted, not addressed. Instants are ISO 8601 strings as stamped by the device that made the
 * change. Counts are whole numbers; an empty day gives zeros, empty lists and null medians.
 *
 * Two populations, chosen so a day's figures stop moving once the day is over:
 * - "logged that day" (createdAt inside the day): totals, mood at intake, public risk, referrals,
 *   follow-ups, staff counts;
 * - "happened that day": first responses and resolutions are measured on the day they happened,
 *   whenever the issue was logged, so last night's leftover resolved this morning counts today
 *   (with its long resolution time, which is where a coordinator wants to see it).
 * Status and owner are read as they stood at `asOf` (replayed from the timeline), so an export
 * made after the festival still says what was open at the end of that day.
 */
export interface DaySummary {
  format: 'helptent-day-summary';
  /** Bumped when a field changes meaning, so a stored export can be read back safely. */
  version: 1;
  eventId: string;
  eventName: string;
  /** The operational day, "YYYY-MM-DD". */
  day: string;
  timezone: string;
  dayStartsAt: string;
  /** First instant of the day (inclusive). */
  startsAt: string;
  /** First instant of the next day (exclusive). */
  endsAt: string;
  /** Length of the day on the clock: 24, or 23 / 25 on the nights clocks change. */
  hours: number;
  /** The `now` passed in. */
  generatedAt: string;
  /** False while the day is still running (then "end of the day" below means generatedAt). */
  isOver: boolean;
  /** The instant states are read at: the day's end, or generatedAt while the day runs. */
  asOf: string;
  totals: DayTotals;
  carriedOver: CarriedOver;
  responseTimes: ResponseTimes;
  mood: MoodSummary;
  publicRisk: PublicRiskSummary;
  referrals: Referrals;
  followUps: FollowUpsDue;
  staff: StaffSummary;
  /** At most 10 notes of the day worth reading, two per issue at most, most important first (see NotableNote.reason). */
  notableNotes: NotableNote[];
  comparison: DayComparison;
  /** The lost-property desk's figures of the day. */
  lostProperty: LostPropertyFigures;
  /** Alerts answered in the day and how long they waited for "I'm on it". */
  alerts: AlertFigures;
}

/** A count under a key that is not a closed list (categories, zones), with its label for people. */
export interface KeyCount {
  key: string;
  label: string;
  count: number;
}

export interface HourCount {
  /** Local clock hour, 0–23. */
  hour: number;
  /** "06:00". */
  label: string;
  count: number;
}

export interface DayTotals {
  /** Issues logged that day. */
  logged: number;
  /**
   * Issues whose work ended that day (resolvedAt inside it: resolved, referred or closed),
   * whenever they were logged. A reopened issue counts on the day it was last resolved.
   */
  resolved: number;
  /** Issues logged that day by status at `asOf`; every status present, zeros included. */
  byStatus: Record<Status, number>;
  /** Issues logged that day by severity; every severity present. */
  bySeverity: Record<Severity, number>;
  /** Issues logged that day by category (labels from the event; an unknown id is its own label), largest first; zero counts left out. */
  byCategory: KeyCount[];
  /** Likewise by zone; issues with no zone are under key "unknown". */
  byZone: KeyCount[];
  /**
   * Issues logged that day by local clock hour: 24 buckets in the order the day runs, from the
   * hour the day starts (06, 07, … 23, 00, … 05). On the fall-back night the repeated hour's
   * bucket holds both passes (two hours of issues); on the spring-forward night the skipped
   * hour's bucket stays empty. When the day starts off the hour (06:30), its first bucket holds
   * both 06:30–06:59 and the next morning's 06:00–06:29.
   */
  byHour: HourCount[];
}

export interface CarriedIssue {
  id: string;
  summary: string;
  category: string;
  severity: Severity;
  status: 'open' | 'in_progress' | 'follow_up';
  ownerName: string | null;
  createdAt: string;
  /** Operational day the issue was logged on ("YYYY-MM-DD"). */
  loggedOn: string;
}

/** Issues of this day and earlier days still open, in progress or awaiting follow-up at `asOf`. */
export interface CarriedOver {
  total: number;
  /** Of these, logged this day. */
  fromThisDay: number;
  /** Of these, logged on an earlier day. */
  fromEarlierDays: number;
  byStatus: { open: number; in_progress: number; follow_up: number };
  /** Of these, owned by nobody at `asOf`: the ones to assign before the next shift. */
  withoutOwner: number;
  /** At most 100, unowned first, then by severity (urgent first), then oldest first. */
  issues: CarriedIssue[];
}

export interface CategoryResponseTimes {
  category: string;
  label: string;
  firstResponse: DurationStats;
  resolution: DurationStats;
}

/**
 * Minutes from createdAt to firstResponseAt (someone took it on) and to resolvedAt, for the
 * responses and resolutions that happened that day. Medians and p90 use the nearest-rank method.
 */
export interface ResponseTimes {
  firstResponse: DurationStats;
  resolution: DurationStats;
  /** Categories with at least one response or resolution that day, in the event's order. */
  byCategory: CategoryResponseTimes[];
}

/** Moods as recorded now, not at the day's end: a mood changed later is a correction, not a change of heart. */
export interface MoodSummary {
  /** Attendees who came to the desk that day (issues logged), by mood at intake. */
  atIntake: Record<Mood, number>;
  /** Issues logged that day without a mood at intake. */
  intakeNotRecorded: number;
  /** Attendees whose issue was resolved that day, by mood at close. */
  atClose: Record<Mood, number>;
  /** Issues resolved that day without a mood at close. */
  closeNotRecorded: number;
  /** Issues resolved that day with both moods recorded; the next three add up to it. */
  bothRecorded: number;
  /** Left in a better mood than they came (angry < upset < neutral < satisfied < delighted). */
  happier: number;
  same: number;
  unhappier: number;
  /** happier / bothRecorded, rounded to 0.001; null when bothRecorded is 0. */
  leftHappierShare: number | null;
}

export interface PublicRiskIssue {
  id: string;
  summary: string;
  level: Exclude<PublicRiskLevel, 'none'>;
  escalatedToComms: boolean;
  status: Status;
  ownerName: string | null;
  /** What we told the attendee (last recorded at `asOf`), '' when nothing was recorded. */
  toldAttendee: string;
  createdAt: string;
}

/** Issues logged or flagged as a public risk that day and still a risk at `asOf`. */
export interface PublicRiskSummary {
  count: number;
  byLevel: Record<Exclude<PublicRiskLevel, 'none'>, number>;
  /** Of these, escalated to comms. */
  escalated: number;
  /** Of these, still open, in progress or awaiting follow-up. */
  stillOpen: number;
  /** At most 100: press first, then posted, then threatened; not yet escalated first; oldest first. */
  issues: PublicRiskIssue[];
}

/**
 * Issues logged that day that another team takes over: status referred at `asOf`, or a referral
 * category (medical, security) whatever their status.
 */
export interface Referrals {
  count: number;
  byCategory: KeyCount[];
}

export interface FollowUpItem {
  issueId: string;
  category: string;
  reason: FollowUpReason | null;
  dueAt: string | null;
  outreach: Exclude<OutreachState, 'done'>;
}

/**
 * Issues logged that day that await a follow-up (`awaitsFollowUp`: consent given, not done, not
 * erased), as they stand at generatedAt (not at the day's end): outreach mostly happens after the
 * festival, so the office wants today's number. The queue's "Needs follow-up" filter for that day,
 * the follow-up list and the follow-up export count the same issues. No contact details: the
 * follow-up list screen, which checks the reader's role, has those.
 */
export interface FollowUpsDue {
  count: number;
  /** Due before generatedAt. */
  overdue: number;
  byOutreach: Record<Exclude<OutreachState, 'done'>, number>;
  /** At most 100, soonest due first (no due date last). */
  items: FollowUpItem[];
}

export interface PersonCount {
  /** Staff id; null in the rare case an old owner's name matches nobody in the data. */
  id: string | null;
  name: string;
  count: number;
}

export interface Handover {
  issueId: string;
  at: string;
  /** Owner before; null when nobody owned it. */
  from: string | null;
  to: string;
  /** Who made the handover (the owner, or a coordinator). */
  by: string;
}

export interface StaffSummary {
  /** People who logged or owned (at `asOf`) an issue logged that day. */
  people: number;
  /** Top 10 owners at `asOf` of issues logged that day, most first. */
  byOwner: PersonCount[];
  /** Top 10 of who logged that day's issues, most first. */
  byLogger: PersonCount[];
  /** Handovers stamped inside the day, on any issue: how many, and the first 100 in time order. */
  handovers: { count: number; items: Handover[] };
}

export interface NotableNote {
  issueId: string;
  at: string;
  by: string;
  kind: Extract<TimelineKind, 'note' | 'handover' | 'conflict'>;
  /** Why it is here, in this order of priority. */
  reason: 'public-risk' | 'conflict' | 'urgent' | 'high';
  /** The note (contact details removed, cut at 280 characters). */
  text: string;
  /** A conflict's sentence as a phrase (contact details removed), for each phone to say in its person's language. */
  phrase?: Phrase;
}

/** The headline numbers of a day, for side-by-side comparison. */
export interface DayHeadline {
  day: string;
  logged: number;
  resolved: number;
  medianFirstResponseMinutes: number | null;
  publicRisk: number;
  leftHappierShare: number | null;
}

export interface DayComparison {
  current: DayHeadline;
  previous: DayHeadline;
  /** current − previous; null where either side is null. */
  change: Omit<DayHeadline, 'day'>;
}

export interface LostPropertyFigures {
  /** Lost reports logged in the day. */
  reported: number;
  /** Found items logged in the day. */
  found: number;
  /** Matches between a found item and a lost report confirmed in the day. */
  matched: number;
  /** Items handed back or posted to their owners in the day. */
  returned: number;
  /** Found items still at the desk at the end of the day (or now), whenever they were found. */
  inStorage: number;
  /** Of the items found in the day, how many were returned by its end. */
  foundAndReturned: number;
  /** foundAndReturned / found; null when nothing was found. */
  returnRate: number | null;
}

export interface AlertFigures {
  /** Alerts answered with "I'm on it" in the day. */
  answered: number;
  /** Answered alerts by kind (urgent, lost-person, …). */
  byKind: Record<string, number>;
  /** From the alert to its answer, nearest-rank, in minutes rounded to 0.1; null when none. */
  medianMinutesToAnswer: number | null;
  p90MinutesToAnswer: number | null;
}
