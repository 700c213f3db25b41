/**
 * What the sync benchmarks send: createIssue mutations with the content of the demo festival
 * (real categories, summaries, details, zones, attendee contacts and consent), as the capture
 * form would have queued them. Pure; runs in Node and, bundled, in Chromium.
 */
import { generateDemoFestival } from '../../../tools/demo/demo-festival';

/** One mutation as POST /api/sync/push receives it. */
export interface PushMutation {
  id: number;
  mutationId: string;
  name: 'createIssue';
  args: Record<string, unknown>;
  createdAt: string;
  actor: { id: string; name: string };
  baseVersion: number;
}

/** The createIssue arguments, time and reporter of `count` demo issues (`seed` decides which). */
export function demoCreateIssues(seed: number, count: number): Omit<PushMutation, 'id'>[] {
  const festival = generateDemoFestival({ seed, issueCount: count });
  return festival.issues.map((issue) => ({
    mutationId: crypto.randomUUID(),
    name: 'createIssue',
    args: {
      id: issue.id,
      eventId: issue.eventId,
      category: issue.category,
      summary: issue.summary,
      details: issue.details,
      severity: issue.severity,
      zoneId: issue.zoneId,
      location: issue.location,
      source: issue.source,
      attendee: issue.attendee,
      consentGiven: issue.consent.given,
      moodAtIntake: issue.moodAtIntake,
      tags: issue.tags,
    },
    createdAt: issue.createdAt,
    actor: { id: issue.reportedBy.id, name: issue.reportedBy.name },
    baseVersion: 0,
  }));
}

/** The JSON bodies of pushes of `batchSize` mutations, numbered from `firstId` on, as a device sends them. */
export function pushBodies(clientId: string, mutations: Omit<PushMutation, 'id'>[], batchSize: number, firstId = 1): string[] {
  const bodies: string[] = [];
  for (let start = 0; start < mutations.length; start += batchSize) {
    const batch = mutations.slice(start, start + batchSize).map((m, i) => ({ id: firstId + start + i, ...m }));
    bodies.push(JSON.stringify({ clientId, mutations: batch }));
  }
  return bodies;
}
