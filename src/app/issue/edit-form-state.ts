import type { Issue, Severity } from '../../domain/issue';
import type { AttendeeValues } from '../components/attendee-fields';

export interface EditState extends AttendeeValues {
  category: string;
  severity: Severity;
  zoneId: string;
  location: string;
  summary: string;
  details: string;
}

export function stateOf(issue: Issue): EditState {
  return {
    category: issue.category,
    severity: issue.severity,
    zoneId: issue.zoneId ?? '',
    location: issue.location,
    summary: issue.summary,
    details: issue.details,
    name: issue.attendee.name,
    email: issue.attendee.email,
    phone: issue.attendee.phone,
    ticketId: issue.attendee.ticketId,
    preferredChannel: issue.attendee.preferredChannel ?? '',
    language: issue.attendee.language ?? '',
    consentGiven: issue.consent.given,
  };
}

/**
 * Only the fields the person changed are sent, so an edit never overwrites someone else's. That
 * includes the contact fields of a copy the server withheld them from (empty on this phone): left
 * as they are, they are not sent, and the mutator keeps what it holds for every attendee field
 * the change leaves out.
 */
export function changedFields(before: EditState, after: EditState): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of ['category', 'severity', 'location', 'summary', 'details', 'consentGiven'] as const) {
    if (before[key] !== after[key]) fields[key] = after[key];
  }
  if (before.zoneId !== after.zoneId) fields.zoneId = after.zoneId || null;
  const attendee: Record<string, unknown> = {};
  for (const key of ['name', 'email', 'phone', 'ticketId', 'language'] as const)
    if (before[key] !== after[key]) attendee[key] = after[key];
  if (before.preferredChannel !== after.preferredChannel) attendee.preferredChannel = after.preferredChannel || null;
  if (Object.keys(attendee).length > 0) fields.attendee = attendee;
  return fields;
}
