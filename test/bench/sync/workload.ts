/**
 * What the sync benchmarks send: createIssue mutations with the content of the demo festival
 * (real categories, summaries, details, zones, attendee contacts and consent), as the capture
 * form would have queued them. Pure; runs in Node and, bundled, in Chromium.
 */

import { protocolHeader, protocolVersion } from '../../../src/domain/protocol-version';
import type { PushedMutation } from '../../../src/domain/sync-protocol';
import { generateDemoFestival } from '../../../tools/demo/demo-festival';

/** One mutation as POST /api/sync/push receives it (sync-protocol.ts). */
export type PushMutation = PushedMutation & { name: 'createIssue'; args: Record<string, unknown> };

/** The createIssue arguments, time and reporter of `count` demo issues (`seed` decides which). */
export function demoCreateIssues(seed: number, count: number): Omit<PushMutation, 'mutationId'>[] {
  const festival = generateDemoFestival({ seed, issueCount: count });
  return festival.issues.map((issue) => ({
    mutationUuid: crypto.randomUUID(),
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
export function pushBodies(
  deviceId: string,
  mutations: Omit<PushMutation, 'mutationId'>[],
  batchSize: number,
  firstId = 1,
): string[] {
  const bodies: string[] = [];
  for (let start = 0; start < mutations.length; start += batchSize) {
    const batch = mutations.slice(start, start + batchSize).map((m, i) => ({ mutationId: firstId + start + i, ...m }));
    bodies.push(JSON.stringify({ deviceId, mutations: batch }));
  }
  return bodies;
}

/** Headers of a request from an app of the current protocol version. */
export function appHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, [protocolHeader]: String(protocolVersion) };
}
