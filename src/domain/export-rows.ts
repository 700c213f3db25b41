import type { FestivalEvent } from './event';
import { awaitsFollowUp } from './follow-up';
import type { Issue } from './issue';
import { lostPropertyColumns, lostPropertyExportRow } from './lost-property-export';
import { operationalDayOf } from './operational-day';

export const exportKinds = ['issues', 'follow-up', 'lost-property'] as const;
export type ExportKind = (typeof exportKinds)[number];

export type ExportRow = Record<string, string | number | boolean | null>;

export const issueColumns = [
  'id',
  'festival_day',
  'created_at',
  'logged_by',
  'source',
  'source_link',
  'category',
  'severity',
  'zone',
  'location',
  'summary',
  'details',
  'status',
  'owner',
  'handovers',
  'notes',
  'conflicts',
  'first_response_minutes',
  'resolution_minutes',
  'mood_at_intake',
  'mood_at_close',
  'public_risk',
  'escalated_to_comms',
  'told_attendee',
  'resolution',
  'follow_up_needed',
  'follow_up_reason',
  'outreach',
  'consent',
  'consent_at',
  'attendee_name',
  'attendee_email',
  'attendee_phone',
  'attendee_ticket',
  'tags',
  'voided',
] as const;

export const followUpColumns = [
  'id',
  'festival_day',
  'attendee_name',
  'attendee_email',
  'attendee_phone',
  'preferred_channel',
  'attendee_language',
  'reason',
  'due',
  'outreach',
  'summary',
  'told_attendee',
  'resolution',
  'owner',
  'consent_at',
] as const;

function minutesBetween(from: string, to: string | null): number | null {
  if (!to) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
}

/** One row per issue with every field an organizer needs afterwards, in a stable column order. */
export function issueExportRow(issue: Issue, event: FestivalEvent): ExportRow {
  const category = event.categories.find((c) => c.id === issue.category)?.label ?? issue.category;
  const zone = event.zones.find((z) => z.id === issue.zoneId)?.name ?? '';
  const timelineCount = (kind: string) => issue.timeline.filter((e) => e.kind === kind).length;
  return {
    id: issue.id,
    festival_day: operationalDayOf(issue.createdAt, event),
    created_at: issue.createdAt,
    logged_by: issue.reportedBy.name,
    source: issue.source.kind,
    source_link: issue.source.link,
    category,
    severity: issue.severity,
    zone,
    location: issue.location,
    summary: issue.summary,
    details: issue.details,
    status: issue.status,
    owner: issue.owner?.name ?? '',
    handovers: timelineCount('handover'),
    notes: timelineCount('note'),
    conflicts: timelineCount('conflict'),
    first_response_minutes: minutesBetween(issue.createdAt, issue.firstResponseAt),
    resolution_minutes: minutesBetween(issue.createdAt, issue.resolvedAt),
    mood_at_intake: issue.moodAtIntake ?? '',
    mood_at_close: issue.moodAtClose ?? '',
    public_risk: issue.publicRisk.level,
    escalated_to_comms: issue.publicRisk.escalatedToComms,
    told_attendee: issue.toldAttendee,
    resolution: issue.resolution,
    follow_up_needed: issue.followUp.needed,
    follow_up_reason: issue.followUp.reason ?? '',
    outreach: issue.followUp.outreach,
    consent: issue.consent.given,
    consent_at: issue.consent.at ?? '',
    // Contact details only with consent: the export is for reaching people who said yes.
    attendee_name: issue.consent.given ? issue.attendee.name : '',
    attendee_email: issue.consent.given ? issue.attendee.email : '',
    attendee_phone: issue.consent.given ? issue.attendee.phone : '',
    attendee_ticket: issue.consent.given ? issue.attendee.ticketId : '',
    tags: issue.tags.join(', '),
    // Kept in the record, marked: who voided it and why.
    voided: issue.voided ? `${issue.voided.by.name}: ${issue.voided.reason}` : '',
  };
}

export function followUpExportRow(issue: Issue, event: FestivalEvent): ExportRow {
  return {
    id: issue.id,
    festival_day: operationalDayOf(issue.createdAt, event),
    attendee_name: issue.attendee.name,
    attendee_email: issue.attendee.email,
    attendee_phone: issue.attendee.phone,
    preferred_channel: issue.followUp.channel ?? issue.attendee.preferredChannel ?? '',
    attendee_language: issue.attendee.language ?? '',
    reason: issue.followUp.reason ?? '',
    due: issue.followUp.dueAt ?? '',
    outreach: issue.followUp.outreach,
    summary: issue.summary,
    told_attendee: issue.toldAttendee,
    resolution: issue.resolution,
    owner: issue.owner?.name ?? '',
    consent_at: issue.consent.at ?? '',
  };
}

export interface ExportRequest {
  kind: ExportKind;
  /** Operational day "YYYY-MM-DD", or null for the whole event. */
  day: string | null;
}

export interface ExportTable {
  columns: readonly string[];
  rows: ExportRow[];
}

/** The rows of an export, oldest first; the same function serves the app, the API and the CLI. */
export function exportTable(issues: readonly Issue[], event: FestivalEvent, request: ExportRequest): ExportTable {
  const selected = issues
    .filter((issue) => issue.eventId === event.id)
    .filter((issue) => request.day === null || operationalDayOf(issue.createdAt, event) === request.day)
    .filter((issue) => request.kind !== 'follow-up' || awaitsFollowUp(issue))
    .filter((issue) => request.kind !== 'lost-property' || issue.lostProperty !== undefined)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id.localeCompare(b.id)));
  if (request.kind === 'follow-up') {
    return { columns: followUpColumns, rows: selected.map((issue) => followUpExportRow(issue, event)) };
  }
  if (request.kind === 'lost-property') {
    return { columns: lostPropertyColumns, rows: selected.map((issue) => lostPropertyExportRow(issue, event)) };
  }
  return { columns: issueColumns, rows: selected.map((issue) => issueExportRow(issue, event)) };
}

export function exportFileName(event: FestivalEvent, request: ExportRequest, format: 'csv' | 'json'): string {
  const safe = event.id.replace(/[^a-z0-9-]+/gi, '-');
  return `helptent-${safe}-${request.day ?? 'all-days'}-${request.kind}.${format}`;
}
