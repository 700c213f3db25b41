import { withoutContactDetails } from './attendee-redaction';
import type { Attendee, Issue } from './issue';
import { noAttendee, withheldFromStaff } from './personal-data';

/**
 * The issue with its attendee's personal data removed, as a phone keeps it once it was signed
 * out: as a staff phone receives others' issues (personal-data.ts, withheldFromStaff: contact
 * fields blanked and marked as held by the coordinators, every text staff type without this
 * attendee's details or anything shaped like an email or a phone number), and the links to a
 * post or a message gone too (they lead to the attendee's own account). Figures, categories,
 * severity, moods, times, statuses, owners, consent and follow-up state stay: the day summary
 * still adds up.
 */
export function issueWithoutAttendeeData<T extends Issue>(issue: T): T {
  const withheld = withheldFromStaff(issue);
  return {
    ...issue,
    ...withheld,
    source: { ...withheld.source, link: '' },
    publicRisk: { ...withheld.publicRisk, link: '' },
  };
}

/** Keys of a change's arguments (mutation-args.ts) that hold free text people typed. */
const freeTextKeys = new Set(['summary', 'details', 'location', 'resolution', 'note', 'text', 'reason', 'tags']);

/**
 * A change's arguments (a refused change kept on the phone) without attendee data: an `attendee`
 * object blanked, links gone, free text redacted as in `issueWithoutAttendeeData` (`known` is the
 * attendee of the issue it was made to, whose details may appear in a note). Ids, times and
 * choices are kept as they are, so the record still says what kind of change it was and when.
 */
export function argsWithoutAttendeeData(args: unknown, known: Attendee = noAttendee): unknown {
  // A create names the attendee at the top; an update inside `fields`.
  const top = args !== null && typeof args === 'object' ? (args as { attendee?: unknown; fields?: unknown }) : {};
  const nested =
    top.fields !== null && typeof top.fields === 'object' ? (top.fields as { attendee?: unknown }).attendee : undefined;
  const attendee = mergedAttendee(mergedAttendee(known, top.attendee), nested);
  const scrub = (value: unknown, key: string): unknown => {
    if (key === 'attendee' && value !== null && typeof value === 'object') return noAttendee;
    if (key === 'link' && typeof value === 'string') return '';
    if (Array.isArray(value)) return value.map((item) => scrub(item, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, k)]));
    }
    return typeof value === 'string' && freeTextKeys.has(key) ? withoutContactDetails(value, attendee) : value;
  };
  return scrub(args, '');
}

/** The attendee an issue holds, with what a change typed in on top (both may name them). */
function mergedAttendee(known: Attendee, typed: unknown): Attendee {
  if (typed === null || typeof typed !== 'object') return known;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() !== '' ? value : fallback);
  const t = typed as Record<string, unknown>;
  return {
    name: [known.name, text(t.name, '')].filter(Boolean).join(' '),
    email: text(t.email, known.email),
    phone: text(t.phone, known.phone),
    ticketId: text(t.ticketId, known.ticketId),
    preferredChannel: null,
  };
}
