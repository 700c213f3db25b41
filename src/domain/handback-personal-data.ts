import { contactDetailsRedactor } from './attendee-redaction';
import type { Attendee, Issue } from './issue';
import type { LostPersonCase } from './lost-person';
import type { LostProperty } from './lost-property';

/**
 * The person who collected a found item is personal data like an attendee's contact: their
 * name, the last characters of their ID and their signature go to coordinators and organizers,
 * are erased on request and removed after the retention period. What stays is that the item was
 * handed back, when and by which staff member.
 */
export function collectorOf(issue: Pick<Issue, 'lostProperty'>): Attendee | null {
  const handback = issue.lostProperty?.handback;
  if (!handback || (handback.collectedBy === '' && handback.idLast4 === '')) return null;
  return { name: handback.collectedBy, email: '', phone: '', ticketId: handback.idLast4, preferredChannel: null };
}

/** Free text of the lost-person description, passed through `f`. */
export function mapLostPersonText(lost: LostPersonCase, f: (text: string) => string): LostPersonCase {
  const d = lost.description;
  return {
    ...lost,
    foundWhere: f(lost.foundWhere),
    description: d
      ? { ...d, name: f(d.name), clothing: f(d.clothing), lastSeenPlace: f(d.lastSeenPlace), lookingForThem: f(d.lookingForThem) }
      : null,
  };
}

/** A lost person's description and who collected them: personal data, gone after retention. */
export function withoutLostPersonData(issue: Issue): Issue {
  if (!issue.lostPerson) return issue;
  const reunion = issue.lostPerson.reunion;
  return {
    ...issue,
    lostPerson: {
      ...issue.lostPerson,
      description: null,
      reunion: reunion ? { ...reunion, collectedBy: '', idLast4: '' } : null,
    },
  };
}

/** Free text of the lost-property part, passed through `f` (the rest of the issue is mapIssueText's). */
export function mapLostPropertyText(lost: LostProperty, f: (text: string) => string): LostProperty {
  return {
    ...lost,
    place: f(lost.place),
    item: { ...lost.item, brand: f(lost.item.brand), marks: f(lost.item.marks) },
    disposal: lost.disposal ? { ...lost.disposal, note: f(lost.disposal.note) } : null,
  };
}

/**
 * The issue without its collector: the hand-back keeps its staff member and time, the ID's kind
 * and how it was confirmed, never who, which ID or the signature.
 */
export function withoutCollector(issue: Issue, mapText: (issue: Issue, f: (text: string) => string) => Issue): Issue {
  const collector = collectorOf(issue);
  const lost = issue.lostProperty;
  if (!collector || !lost?.handback) return issue;
  const masked = mapText(issue, contactDetailsRedactor(collector));
  const handback = {
    ...lost.handback,
    collectedBy: '',
    idLast4: '',
    confirmation:
      lost.handback.confirmation.kind === 'signature'
        ? { kind: 'signature' as const, path: 'M 0 0' }
        : { kind: 'typed' as const, text: '' },
  };
  return { ...masked, lostProperty: { ...masked.lostProperty!, handback } };
}
