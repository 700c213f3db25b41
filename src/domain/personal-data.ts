import { contactDetailsRedactor } from './attendee-redaction';
import { dayWindow } from './day-window';
import type { FestivalEvent } from './event';
import {
  collectorOf,
  mapLostPersonText,
  mapLostPropertyText,
  withoutCollector,
  withoutLostPersonData,
} from './handback-personal-data';
import type { Attendee, Issue, PersonalDataRemoved, PersonRef, RemovalReason, TimelineEntry } from './issue';
import { mapPhraseText, type Phrase, say } from './phrase';
import { phraseText } from './phrase-text';

/**
 * Attendee personal data: what a staff phone may see of it, how it is erased on request and
 * removed after the retention period. The same functions run on the server and on phones, so an
 * issue redacted on one is redacted the same on the other.
 */

/** What replaces an erased mention in free text. */
export const erasedMark = '[erased]';

/** Days attendee personal data is kept after the event's last day, unless the organizer sets otherwise. */
export const defaultRetentionDays = 30;
export const maxRetentionDays = 3650;

/** Who did the removal and under which id its timeline entry goes. */
export interface RemovalStamp {
  entryId: string;
  at: string;
  by: PersonRef;
}

/** An attendee nobody knows anything about. */
export const noAttendee: Attendee = { name: '', email: '', phone: '', ticketId: '', preferredChannel: null };

export function hasContactDetails(attendee: Attendee): boolean {
  return (
    attendee.name.trim() !== '' || attendee.email.trim() !== '' || attendee.phone.trim() !== '' || attendee.ticketId.trim() !== ''
  );
}

/**
 * Every text staff type into an issue, and the timeline that quotes them (its English text and
 * the words inside its phrase alike), passed through `f`.
 */
export function mapIssueText(issue: Issue, f: (text: string) => string): Issue {
  const entry = (e: TimelineEntry): TimelineEntry => {
    const text = f(e.text);
    const note = f(e.note);
    const phrase = e.phrase && mapPhraseText(e.phrase, f);
    if (text === e.text && note === e.note && phrase === e.phrase) return e;
    return phrase ? { ...e, text, note, phrase } : { ...e, text, note };
  };
  return {
    ...issue,
    source: { ...issue.source, link: f(issue.source.link) },
    location: f(issue.location),
    summary: f(issue.summary),
    details: f(issue.details),
    resolution: f(issue.resolution),
    ...(issue.resolutionSaid ? { resolutionSaid: mapPhraseText(issue.resolutionSaid, f) } : {}),
    toldAttendee: f(issue.toldAttendee),
    publicRisk: { ...issue.publicRisk, link: f(issue.publicRisk.link) },
    tags: issue.tags.map(f),
    timeline: issue.timeline.map(entry),
    ...(issue.voided ? { voided: { ...issue.voided, reason: f(issue.voided.reason) } } : {}),
    ...(issue.lostProperty ? { lostProperty: mapLostPropertyText(issue.lostProperty, f) } : {}),
    ...(issue.lostPerson ? { lostPerson: mapLostPersonText(issue.lostPerson, f) } : {}),
  };
}

/**
 * The issue as a device that may not read attendee contact details receives it: the contact
 * fields empty, marked as held by the coordinators (so staff do not ask the attendee again), and
 * anything shaped like an email or phone number, or naming the attendee, taken out of free text.
 */
export function withheldFromStaff(issue: Issue): Issue {
  const attendee = issue.attendee;
  const masked = withoutCollector(mapIssueText(issue, contactDetailsRedactor(attendee)), mapIssueText);
  return { ...masked, attendee: noAttendee, ...(hasContactDetails(attendee) ? { contactWithheld: true } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Finding one attendee

/** What identifies the person an organizer is asked about: any of these may be empty. */
export interface AttendeeTerms {
  names: string[];
  emails: string[];
  phones: string[];
  ticketIds: string[];
}

const normalName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
const digitsOf = (text: string): string => text.replace(/\D+/g, '');
/** The national part of a number: "+31 6 1234 5678" and "06-12345678" end the same. */
const phoneTail = (phone: string): string => digitsOf(phone).slice(-9);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const looksLikeEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
export const looksLikePhone = (text: string): boolean => /^\+?[\d\s().-]+$/.test(text.trim()) && digitsOf(text).length >= 6;

/** What an organizer typed into "find an attendee", as terms. */
export function termsOfQuery(query: string): AttendeeTerms {
  const q = query.trim();
  if (looksLikeEmail(q)) return { names: [], emails: [q], phones: [], ticketIds: [] };
  if (looksLikePhone(q)) return { names: [], emails: [], phones: [q], ticketIds: [] };
  return { names: q.length >= 2 ? [q] : [], emails: [], phones: [], ticketIds: q.length >= 3 ? [q] : [] };
}

/** The terms with every identifier of these attendees added (found by email, erase their phone too). */
export function withAttendees(terms: AttendeeTerms, attendees: Attendee[]): AttendeeTerms {
  const add = (list: string[], value: string, same: (a: string, b: string) => boolean) =>
    value.trim() !== '' && !list.some((v) => same(v, value)) ? [...list, value.trim()] : list;
  let next = terms;
  for (const a of attendees) {
    next = {
      names: add(next.names, a.name, (x, y) => normalName(x) === normalName(y)),
      emails: add(next.emails, a.email, (x, y) => x.toLowerCase() === y.toLowerCase()),
      phones: add(next.phones, a.phone, (x, y) => phoneTail(x) === phoneTail(y)),
      ticketIds: add(next.ticketIds, a.ticketId, (x, y) => x.toLowerCase() === y.toLowerCase()),
    };
  }
  return next;
}

const sameEmail = (terms: AttendeeTerms, email: string) =>
  email.trim() !== '' && terms.emails.some((e) => e.toLowerCase() === email.trim().toLowerCase());
const samePhone = (terms: AttendeeTerms, phone: string) =>
  phoneTail(phone).length >= 6 && terms.phones.some((p) => phoneTail(p) === phoneTail(phone));

/**
 * Whether the issue's attendee may be this person, for an organizer's search: the same email,
 * phone or ticket, or a name containing what was typed ("de Vries").
 */
export function mayBeAttendee(issue: Pick<Issue, 'attendee'>, terms: AttendeeTerms): boolean {
  const a = issue.attendee;
  if (sameEmail(terms, a.email) || samePhone(terms, a.phone)) return true;
  if (a.ticketId !== '' && terms.ticketIds.some((t) => t.toLowerCase() === a.ticketId.trim().toLowerCase())) return true;
  const name = normalName(a.name);
  return name !== '' && terms.names.some((n) => normalName(n) !== '' && name.includes(normalName(n)));
}

/**
 * Whether the issue's attendee is this person, for an erasure: the same email, phone or ticket,
 * or the same full name with no email or phone of someone else beside it (two people can share
 * a name; they rarely share an address).
 */
export function isAttendee(issue: Pick<Issue, 'attendee'>, terms: AttendeeTerms): boolean {
  const a = issue.attendee;
  if (sameEmail(terms, a.email) || samePhone(terms, a.phone)) return true;
  if (a.ticketId !== '' && terms.ticketIds.some((t) => t.toLowerCase() === a.ticketId.trim().toLowerCase())) return true;
  const name = normalName(a.name);
  if (name === '' || !terms.names.some((n) => normalName(n) === name)) return false;
  const otherEmail = a.email.trim() !== '' && !sameEmail(terms, a.email);
  const otherPhone = digitsOf(a.phone).length >= 6 && !samePhone(terms, a.phone);
  return !otherEmail && !otherPhone;
}

/**
 * The person's identifiers in free text replaced by `erasedMark`: each email, ticket id and full
 * name as written, and each phone number however it was typed (spaces, dashes, +31 or 0).
 */
export function redactTerms(text: string, terms: AttendeeTerms): string {
  return termsRedactor(terms)(text);
}

const redactors = new WeakMap<AttendeeTerms, (text: string) => string>();

/**
 * `redactTerms` for many texts (an erasure looks at every text of every issue that may name the
 * person): each term's pattern is built once per set of terms, and tried only where it can match.
 */
export function termsRedactor(terms: AttendeeTerms): (text: string) => string {
  let redactor = redactors.get(terms);
  if (!redactor) {
    redactor = buildTermsRedactor(terms);
    redactors.set(terms, redactor);
  }
  return redactor;
}

function buildTermsRedactor(terms: AttendeeTerms): (text: string) => string {
  const literals = [...terms.emails, ...terms.ticketIds, ...terms.names]
    .map((literal) => literal.trim().replace(/\s+/g, ' '))
    .filter((term) => term.length >= 2)
    .map((term) => ({
      first: term.toLowerCase().split(' ')[0]!,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${term.split(' ').map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu'),
    }));
  const phones = terms.phones
    .map(phoneTail)
    .filter((tail) => tail.length >= 6)
    .map((tail) => {
      const spaced = [...tail].join('[\\s().-]*');
      return new RegExp(`(?:\\+\\d{1,3}[\\s().-]*)?(?:\\(?0\\)?[\\s().-]*)?${spaced}(?!\\d)`, 'g');
    });
  return (text) => {
    if (text === '') return text;
    let out = text;
    for (const literal of literals) {
      if (out.toLowerCase().includes(literal.first)) out = out.replace(literal.pattern, erasedMark);
    }
    if (phones.length > 0 && digitsOf(out).length >= 6) {
      for (const pattern of phones) out = out.replace(pattern, erasedMark);
    }
    return out;
  };
}

/**
 * Whether a stored issue's text may name the person at all: a cheap look at its JSON before it is
 * parsed (an email, ticket or the first word of a name in any case, a phone number's last digits
 * among its digits). False means it surely does not; true, that it is worth a closer look.
 */
export function mayMention(stored: string, terms: AttendeeTerms): boolean {
  return mentionPrefilter(terms)(stored);
}

const prefilters = new WeakMap<AttendeeTerms, (stored: string) => boolean>();

/** `mayMention` for every issue of an event: the terms are prepared once. */
export function mentionPrefilter(terms: AttendeeTerms): (stored: string) => boolean {
  let prefilter = prefilters.get(terms);
  if (prefilter) return prefilter;
  const firsts = [...terms.emails, ...terms.ticketIds, ...terms.names]
    .map((literal) => normalName(literal).split(' ')[0]!)
    .filter((first) => first.length >= 2);
  const tails = terms.phones.map(phoneTail).filter((tail) => tail.length >= 6);
  prefilter = (stored) => {
    const lower = stored.toLowerCase();
    if (firsts.some((first) => lower.includes(first))) return true;
    if (tails.length === 0) return false;
    // Runs of non-digits at once: one match per character made this the whole cost of a search.
    const digits = stored.replace(/\D+/g, '');
    return tails.some((tail) => digits.includes(tail));
  };
  prefilters.set(terms, prefilter);
  return prefilter;
}

export function mentionsTerms(issue: Issue, terms: AttendeeTerms): boolean {
  const redact = termsRedactor(terms);
  return JSON.stringify(mapIssueText(issue, redact)) !== JSON.stringify(issue);
}

// ---------------------------------------------------------------------------------------------
// Removing

function stamped(issue: Issue, stamp: RemovalStamp, why: RemovalReason, phrase: Phrase): Issue {
  const entry: TimelineEntry = {
    id: stamp.entryId,
    at: stamp.at,
    by: stamp.by,
    kind: 'fields',
    text: phraseText(phrase),
    phrase,
    note: '',
  };
  const removed: PersonalDataRemoved = { at: stamp.at, by: stamp.by, why };
  return { ...issue, personalDataRemoved: removed, timeline: [...issue.timeline, entry] };
}

/**
 * The person erased from one issue, on request. Where they are the issue's attendee, the contact
 * fields are emptied, consent is withdrawn (nobody may contact them now) and everything shaped
 * like contact details is taken out of its free text; elsewhere only their own identifiers are.
 * The timeline says that something was erased, when and by whom, never what. Null when the issue
 * holds nothing of theirs.
 */
export function eraseAttendee(
  issue: Issue,
  terms: AttendeeTerms,
  stamp: RemovalStamp,
  theirs = isAttendee(issue, terms),
): Issue | null {
  const redact = contactDetailsRedactor(issue.attendee);
  const redactTheirs = termsRedactor(terms);
  const redacted = mapIssueText(issue, (text) => redactTheirs(theirs ? redact(text) : text));
  const erased: Issue = theirs ? { ...redacted, attendee: noAttendee, consent: { given: false, at: null } } : redacted;
  const collector = collectorOf(issue);
  const next = collector && isAttendee({ attendee: collector }, terms) ? withoutCollector(erased, mapIssueText) : erased;
  if (JSON.stringify(next) === JSON.stringify(issue)) return null;
  return stamped(next, stamp, 'erasure', say('Attendee personal data erased on request by {name}', { name: stamp.by.name }));
}

/** The full names (two words or more) of attendees, to find them in any issue's text. */
export function fullNamesOf(attendees: Attendee[]): Set<string> {
  const names = new Set<string>();
  for (const a of attendees) {
    const name = normalName(a.name);
    if (name.includes(' ')) names.add(name);
  }
  return names;
}

const wordPattern = /[\p{L}\p{N}'’-]+/gu;

/**
 * Attendees' full names wherever they are written (a friend named in another attendee's note),
 * found word by word in one pass: two to four words in a row, with only spaces between them.
 */
export function withoutKnownNames(text: string, names: Set<string>): string {
  if (names.size === 0 || text === '') return text;
  const words = [...text.matchAll(wordPattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: m[0].toLowerCase(),
  }));
  let out = '';
  let copied = 0;
  for (let i = 0; i < words.length; i += 1) {
    for (let n = Math.min(4, words.length - i); n >= 2; n -= 1) {
      const run = words.slice(i, i + n);
      if (!run.every((w, k) => k === 0 || /^\s+$/.test(text.slice(run[k - 1]!.end, w.start)))) continue;
      if (!names.has(run.map((w) => w.word).join(' '))) continue;
      out += `${text.slice(copied, run[0]!.start)}[attendee]`;
      copied = run.at(-1)!.end;
      i += n - 1;
      break;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * What the retention period leaves of an issue: no contact fields and no contact details or
 * attendee name in free text (nor the full name of any attendee of the event, `names`).
 * Consent, figures, categories, moods and times stay for the organizer's reports. Null when
 * there is nothing left to remove.
 */
export function purgePersonalData(issue: Issue, stamp: RemovalStamp, names: Set<string> = new Set()): Issue | null {
  if (issue.personalDataRemoved?.why === 'retention') return null;
  const redact = contactDetailsRedactor(issue.attendee);
  const clean = (text: string) => withoutKnownNames(redact(text), names);
  const cleaned = withoutCollector(mapIssueText(issue, clean), mapIssueText);
  const next = withoutIdPhotos({ ...withoutLostPersonData(cleaned), attendee: noAttendee });
  if (JSON.stringify(next) === JSON.stringify(issue)) return null;
  return stamped(next, stamp, 'retention', say('Attendee personal data removed: the retention period ended'));
}

/** A photographed ID card or a lost person's photo shows a person: it goes with the other personal data. */
function withoutIdPhotos(issue: Issue): Issue {
  const showsPerson = issue.lostProperty?.item.category === 'id_card' || issue.lostPerson !== undefined;
  if (!showsPerson || (issue.photos ?? []).length === 0) return issue;
  return { ...issue, photos: [] };
}

/**
 * An issue whose attendee was erased or whose event's retention period ended takes no personal
 * data again: a phone that was offline during the removal may still send the old text, and an
 * erased attendee is not to be recorded anew. Applied by the server to every later change.
 */
export function keepRemoved(issue: Issue): Issue {
  const masked = mapIssueText(issue, contactDetailsRedactor(issue.attendee));
  const next = { ...withoutCollector(masked, mapIssueText), attendee: noAttendee };
  return JSON.stringify(next) === JSON.stringify(issue) ? issue : next;
}

// ---------------------------------------------------------------------------------------------
// Retention

export function retentionDaysOf(event: Pick<FestivalEvent, 'retentionDays'>): number {
  return event.retentionDays ?? defaultRetentionDays;
}

/**
 * When the event's attendee personal data must be gone: the end of its last festival day plus
 * the retention period. Null for an event without days (nothing to count from yet).
 */
export function retentionEndsAt(event: FestivalEvent): string | null {
  const last = event.days.at(-1);
  if (last === undefined) return null;
  const end = dayWindow(last, event).endMs + retentionDaysOf(event) * 24 * 60 * 60 * 1000;
  return new Date(end).toISOString();
}

export function retentionHasEnded(event: FestivalEvent, now: Date): boolean {
  const ends = retentionEndsAt(event);
  return ends !== null && Date.parse(ends) <= now.getTime();
}
