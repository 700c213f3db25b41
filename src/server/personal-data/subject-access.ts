import type { Kysely } from 'kysely';
import type { AuditActor } from '../../domain/audit';
import type { FestivalEvent } from '../../domain/event';
import type { Issue } from '../../domain/issue';
import { retentionDaysOf, retentionEndsAt } from '../../domain/personal-data';
import { categoryLabel } from '../../domain/summary/activity';
import { recordAudit } from '../repositories/audit-repository';
import type { ServerDatabase } from '../storage/schema';
import type { Found } from './attendee-search';

/** One issue about the person, as they are entitled to read it. */
export interface AccessIssue {
  id: string;
  loggedAt: string;
  loggedBy: string;
  category: string;
  zone: string | null;
  location: string;
  summary: string;
  details: string;
  contactDetails: { name: string; email: string; phone: string; ticketId: string; preferredChannel: string | null };
  consentToBeContacted: { given: boolean; at: string | null };
  moodAtIntake: string | null;
  moodWhenLeaving: string | null;
  status: string;
  resolution: string;
  whatWeToldThem: string;
  followUp: { needed: boolean; dueAt: string | null; channel: string | null; reason: string | null; outreach: string };
  history: { at: string; by: string; what: string; note: string }[];
}

/** An issue about someone else whose text mentions the person: the passages that do. */
export interface AccessMention {
  issueId: string;
  loggedAt: string;
  category: string;
  passages: { where: string; text: string }[];
}

/** What Helptent holds about one attendee, as an organizer hands it to them (GDPR art. 15). */
export interface AccessDocument {
  kind: 'subject-access';
  event: { id: string; name: string };
  generatedAt: string;
  generatedBy: string;
  searchedFor: string;
  purpose: string;
  keptUntil: string | null;
  retentionDays: number;
  issues: AccessIssue[];
  mentions: AccessMention[];
}

const purpose =
  'Attendee issues are recorded by the festival help desk to help the attendee during the event and, with their consent, to contact them afterwards about their issue. Contact details are seen only by the help desk coordinators and organizers.';

function accessIssue(issue: Issue, event: FestivalEvent): AccessIssue {
  return {
    id: issue.id,
    loggedAt: issue.createdAt,
    loggedBy: issue.reportedBy.name,
    category: categoryLabel(event, issue.category),
    zone: event.zones.find((z) => z.id === issue.zoneId)?.name ?? issue.zoneId,
    location: issue.location,
    summary: issue.summary,
    details: issue.details,
    contactDetails: { ...issue.attendee },
    consentToBeContacted: { ...issue.consent },
    moodAtIntake: issue.moodAtIntake,
    moodWhenLeaving: issue.moodAtClose,
    status: issue.status,
    resolution: issue.resolution,
    whatWeToldThem: issue.toldAttendee,
    followUp: { ...issue.followUp },
    history: issue.timeline.map((e) => ({ at: e.at, by: e.by.name, what: e.text, note: e.note })),
  };
}

function passagesMentioning(issue: Issue, mentions: (text: string) => boolean): AccessMention['passages'] {
  const passages: AccessMention['passages'] = [];
  const look = (where: string, text: string) => {
    if (text !== '' && mentions(text)) passages.push({ where, text });
  };
  look('summary', issue.summary);
  look('details', issue.details);
  look('location', issue.location);
  look('resolution', issue.resolution);
  look('what we told the attendee', issue.toldAttendee);
  for (const entry of issue.timeline) look(`note of ${entry.at}`, entry.note);
  return passages;
}

export function accessDocument(
  event: FestivalEvent,
  found: Found,
  chosen: Set<string>,
  mentions: (text: string) => boolean,
  request: { query: string; by: string; now: Date },
): AccessDocument {
  const issues: AccessIssue[] = [];
  const mentioned: AccessMention[] = [];
  for (const match of found.matches) {
    const issue = found.issues.get(match.issueId)!;
    if (chosen.has(issue.id)) issues.push(accessIssue(issue, event));
    else {
      const passages = passagesMentioning(issue, mentions);
      if (passages.length > 0) {
        mentioned.push({
          issueId: issue.id,
          loggedAt: issue.createdAt,
          category: categoryLabel(event, issue.category),
          passages,
        });
      }
    }
  }
  return {
    kind: 'subject-access',
    event: { id: event.id, name: event.name },
    generatedAt: request.now.toISOString(),
    generatedBy: request.by,
    searchedFor: request.query,
    purpose,
    keptUntil: retentionEndsAt(event),
    retentionDays: retentionDaysOf(event),
    issues,
    mentions: mentioned,
  };
}

/** An access export leaves the server only once the audit log says so: how many issues, which format, never whose. */
export function recordAccessExport(
  db: Kysely<ServerDatabase>,
  record: { eventId: string; at: string; actor: AuditActor; doc: AccessDocument; format: string },
): Promise<void> {
  return recordAudit(db, {
    eventId: record.eventId,
    at: record.at,
    actor: record.actor,
    action: 'access-export',
    detail: { issues: record.doc.issues.length, mentions: record.doc.mentions.length, format: record.format },
  });
}
