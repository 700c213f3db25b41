import type { Issue, PersonRef } from './issue';
import { statusLabels } from './issue';
import { sameValue } from './same-value';

/** Fields merged one by one: concurrent changes to different fields never collide. */
export const mergedFields = [
  'source',
  'category',
  'severity',
  'zoneId',
  'location',
  'summary',
  'details',
  'attendee',
  'consent',
  'moodAtIntake',
  'moodAtClose',
  'publicRisk',
  'status',
  'owner',
  'followUp',
  'resolution',
  'toldAttendee',
  'tags',
] as const;
export type MergedField = (typeof mergedFields)[number];

/** Which change (server sequence) last set a field, and from which device. */
export interface FieldVersion {
  seq: number;
  deviceId: string;
  by: string;
}
/**
 * Per field, the change that last set it; `*` is the change that created the issue and stands
 * for every field changed nothing since. One entry instead of eighteen identical ones keeps the
 * stored row (and each push that creates issues) small.
 */
export type FieldVersions = Partial<Record<MergedField | '*', FieldVersion>>;

function versionOf(fieldVersions: FieldVersions, field: MergedField): FieldVersion | undefined {
  return fieldVersions[field] ?? fieldVersions['*'];
}

/** How people call each field in timeline entries ("Changed zone, severity", conflicts). */
export const fieldNames: Record<MergedField, string> = {
  source: 'source',
  category: 'category',
  severity: 'severity',
  zoneId: 'zone',
  location: 'location',
  summary: 'summary',
  details: 'details',
  attendee: 'attendee contact',
  consent: 'follow-up consent',
  moodAtIntake: 'mood at intake',
  moodAtClose: 'mood at close',
  publicRisk: 'public risk',
  status: 'status',
  owner: 'owner',
  followUp: 'follow-up',
  resolution: 'resolution',
  toldAttendee: 'what we told the attendee',
  tags: 'tags',
};

function show(field: MergedField, issue: Issue): string {
  const value = issue[field];
  if (field === 'status') return statusLabels[issue.status];
  if (field === 'owner') return issue.owner?.name ?? 'nobody';
  if (value === null || value === '') return 'empty';
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;
  if (field === 'publicRisk') return issue.publicRisk.level.replaceAll('_', ' ');
  return 'a different value';
}

export function changedFields(before: Issue | undefined, after: Issue): MergedField[] {
  if (!before) return [...mergedFields];
  return mergedFields.filter((f) => !sameValue(before[f], after[f]));
}

export interface ServerChange {
  before: Issue | undefined;
  after: Issue;
  fieldVersions: FieldVersions;
  /** The issue version the device had when the person made the change (0 = never synced). */
  baseVersion: number;
  deviceId: string;
  actor: PersonRef;
  /** The server sequence number this change gets. */
  seq: number;
  mutationUuid: string;
  now: string;
}

/**
 * Per-field merge in server arrival order. The change applies as the mutator made it (the later
 * arrival wins, the same on every device); but when it overwrites a field someone else changed
 * after this device last synced, nobody's edit disappears silently: a conflict entry saying
 * who set what is appended to the timeline for coordinators to check.
 */
export function mergeServerChange(change: ServerChange): {
  issue: Issue;
  fieldVersions: FieldVersions;
  conflicts: MergedField[];
} {
  const { before, after, fieldVersions, baseVersion, deviceId, actor, seq } = change;
  const version = { seq, deviceId, by: actor.name };
  if (!before) return { issue: after, fieldVersions: { '*': version }, conflicts: [] };
  const fields = changedFields(before, after);
  const nextVersions: FieldVersions = { ...fieldVersions };
  const conflicts: MergedField[] = [];
  const entries = [];
  for (const field of fields) {
    const previous = versionOf(fieldVersions, field);
    if (previous && previous.seq > baseVersion && previous.deviceId !== deviceId) {
      conflicts.push(field);
      entries.push({
        id: `${change.mutationUuid}:conflict:${field}`,
        at: change.now,
        by: actor,
        kind: 'conflict' as const,
        text: `Two people changed the ${fieldNames[field]}: ${previous.by} set ${show(field, before)}, then ${actor.name} (who had not seen it) set ${show(field, after)}. ${actor.name}’s change arrived later and applies — check which is right.`,
        note: '',
      });
    }
    nextVersions[field] = version;
  }
  const issue = entries.length > 0 ? { ...after, timeline: [...after.timeline, ...entries] } : after;
  return { issue, fieldVersions: nextVersions, conflicts };
}

/** Who changed the issue after `baseVersion`, other than this device ("" when nobody did). */
export function changedByOthersSince(fieldVersions: FieldVersions, baseVersion: number, deviceId: string): string {
  const names = new Set<string>();
  for (const version of Object.values(fieldVersions)) {
    if (version && version.seq > baseVersion && version.deviceId !== deviceId) names.add(version.by);
  }
  return [...names].join(' and ');
}

function describeChange(name: string, args: unknown): string {
  const a = (args ?? {}) as { status?: keyof typeof statusLabels; to?: { name?: string } };
  if (name === 'setStatus' && a.status && a.status in statusLabels) return `set the status to ${statusLabels[a.status]}`;
  if (name === 'handOver' && a.to?.name) return `hand it over to ${a.to.name}`;
  return 'change it';
}

/**
 * A change that became impossible only because someone else changed the issue first (closing an
 * issue another person had just referred): instead of a silent rejection, the issue keeps its
 * state and its timeline says who wanted what, for a coordinator to settle.
 */
export function staleChangeConflict(
  issue: Issue,
  change: { name: string; args: unknown; mutationUuid: string; now: string; actor: PersonRef; reason: string; others: string },
): Issue {
  const entry = {
    id: `${change.mutationUuid}:conflict`,
    at: change.now,
    by: change.actor,
    kind: 'conflict' as const,
    text: `${change.actor.name} wanted to ${describeChange(change.name, change.args)}, but ${change.others} had changed the issue first, so it was not applied: ${change.reason} Check which is right.`,
    note: '',
  };
  return { ...issue, updatedAt: change.now, timeline: [...issue.timeline, entry] };
}
