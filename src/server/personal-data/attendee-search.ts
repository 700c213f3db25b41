import type { AttendeeMatch } from '../../domain/attendee-requests';
import type { Issue } from '../../domain/issue';
import { type AttendeeTerms, mayBeAttendee, mayMention, mentionsTerms, termsOfQuery } from '../../domain/personal-data';
import type { Storage } from '../storage/storage';
import { forEachEventIssue } from './event-issues';

/** Matches listed at most: a search that finds more is too vague to act on. */
export const maxMatches = 500;

export interface Found {
  matches: AttendeeMatch[];
  truncated: boolean;
  /** The issues themselves, for an access export. */
  issues: Map<string, Issue>;
}

function matchOf(issue: Issue, relation: AttendeeMatch['relation']): AttendeeMatch {
  return {
    issueId: issue.id,
    createdAt: issue.createdAt,
    category: issue.category,
    status: issue.status,
    summary: issue.summary,
    attendee: issue.attendee,
    relation,
  };
}

/**
 * The event's issues whose attendee may be this person (by email, phone, ticket or name), then
 * those whose text mentions them, oldest first. Voided issues are included: they are still held.
 */
export async function findAttendee(storage: Storage, eventId: string, query: string, terms?: AttendeeTerms): Promise<Found> {
  const searched = terms ?? termsOfQuery(query);
  const theirs: Issue[] = [];
  const mentioning: Issue[] = [];
  await forEachEventIssue(
    storage.db,
    eventId,
    (issue) => {
      if (mayBeAttendee(issue, searched)) theirs.push(issue);
      else if (mentionsTerms(issue, searched)) mentioning.push(issue);
    },
    (row) => mayMention(row.data, searched),
  );
  const byTime = (a: Issue, b: Issue) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const all = [
    ...theirs.sort(byTime).map((i) => matchOf(i, 'attendee')),
    ...mentioning.sort(byTime).map((i) => matchOf(i, 'mentioned')),
  ];
  const issues = new Map([...theirs, ...mentioning].map((issue) => [issue.id, issue]));
  return { matches: all.slice(0, maxMatches), truncated: all.length > maxMatches, issues };
}
