import type { Issue } from './issue';
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

export function changedFields(before: Issue | undefined, after: Issue): MergedField[] {
  if (!before) return [...mergedFields];
  return mergedFields.filter((f) => !sameValue(before[f], after[f]));
}
