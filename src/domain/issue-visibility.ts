import type { Issue } from './issue';
import { noAttendee } from './personal-data';
import { say } from './phrase';
import { hasRoleAtLeast, type Role } from './staff';

/**
 * Restricted cases: medical or welfare and safeguarding. Their details go only to coordinators,
 * organizers, the person who logged the case and the person it is assigned to; other staff see
 * that a restricted case exists in a zone and who has it, nothing more.
 */
export const restrictedCategories: readonly string[] = ['medical-welfare', 'safeguarding'];

export function isRestricted(issue: Pick<Issue, 'category'>): boolean {
  return restrictedCategories.includes(issue.category);
}

/** Who is asking: a device's role, its id, and the person it joined as. */
export interface Viewer {
  role: Role;
  deviceId: string;
  staffId: string;
}

/**
 * Whether a device may see an issue's details, and so fetch its photos and be alerted with its
 * text. The single place that rule lives: every route that hands out an issue's data asks it.
 */
export function mayDeviceSeeIssue(viewer: Viewer, issue: Issue, reportedByDevice?: string | null): boolean {
  if (!isRestricted(issue) || hasRoleAtLeast(viewer.role, 'coordinator')) return true;
  return issue.reportedBy.id === viewer.staffId || issue.owner?.id === viewer.staffId || reportedByDevice === viewer.deviceId;
}

/**
 * What a device that may not see a restricted case receives: that it exists, when, in which zone,
 * its severity and status, and who has it. No text, no attendee, no timeline beyond its creation,
 * no photos. Marked `restricted` so the phone says why and takes no changes to it.
 */
export function restrictedStub(issue: Issue): Issue {
  const created = issue.timeline[0];
  return {
    id: issue.id,
    eventId: issue.eventId,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    reportedBy: issue.reportedBy,
    source: { kind: issue.source.kind, link: '' },
    category: issue.category,
    severity: issue.severity,
    zoneId: issue.zoneId,
    location: '',
    summary: 'Restricted case',
    details: '',
    attendee: noAttendee,
    consent: { given: false, at: null },
    moodAtIntake: null,
    moodAtClose: null,
    publicRisk: { level: 'none', link: '', escalatedToComms: false, escalatedAt: null },
    status: issue.status,
    owner: issue.owner,
    firstResponseAt: issue.firstResponseAt,
    resolvedAt: issue.resolvedAt,
    closedAt: issue.closedAt,
    followUp: { needed: false, dueAt: null, channel: null, reason: null, outreach: 'pending' },
    resolution: '',
    toldAttendee: '',
    tags: [],
    timeline: created ? [{ ...created, text: 'Restricted case logged', phrase: say('Restricted case logged'), note: '' }] : [],
    restricted: true,
    ...(issue.voided ? { voided: { ...issue.voided, reason: '' } } : {}),
  };
}
