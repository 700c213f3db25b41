import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { readQueueRows } from '../../src/db/queue-pages';
import { queueRowOf } from '../../src/db/queue-row';
import type { StoredIssue } from '../../src/db/rows';
import type { FestivalEvent } from '../../src/domain/event';
import type { Issue } from '../../src/domain/issue';
import { withheldFromStaff } from '../../src/domain/personal-data';
import { sameValue } from '../../src/domain/same-value';
import { canReadContactDetails, type EventPerson } from '../../src/domain/staff';
import { peopleChangedAfter } from '../../src/server/repositories/people-repository';
import type { ServerDatabase } from '../../src/server/storage/schema';
import type { SimDevice } from './sim-device';

export interface ServerSnapshot {
  issues: { issue: Issue; changeSeq: number; reportedBy: string | null }[];
  rejections: { deviceId: string; mutationUuid: string; kind: string; message: string }[];
  lastMutationIds: Map<string, number>;
  lastChangeSeq: number;
  event: FestivalEvent;
  people: Omit<EventPerson, 'joinedAt'>[];
}

/** Everything the server stored for an event, read straight from its database. */
export async function readServerSnapshot(db: Kysely<ServerDatabase>, eventId: string): Promise<ServerSnapshot> {
  const issues = await db
    .selectFrom('issues')
    .select(['data', 'change_seq', 'reported_by_device'])
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
  const devices = await db.selectFrom('devices').select(['id', 'last_mutation_id']).where('event_id', '=', eventId).execute();
  const rejections = await db.selectFrom('rejections').select(['device_id', 'mutation_uuid', 'kind', 'message']).execute();
  const event = await db
    .selectFrom('events')
    .select(['last_change_seq', 'config'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const people = await peopleChangedAfter(db, eventId, null);
  return {
    issues: issues.map((row) => ({
      issue: JSON.parse(row.data) as Issue,
      changeSeq: Number(row.change_seq),
      reportedBy: row.reported_by_device,
    })),
    rejections: rejections.map((r) => ({
      deviceId: r.device_id,
      mutationUuid: r.mutation_uuid,
      kind: r.kind,
      message: r.message,
    })),
    lastMutationIds: new Map(devices.map((d) => [d.id, Number(d.last_mutation_id)])),
    lastChangeSeq: Number(event.last_change_seq),
    event: JSON.parse(event.config) as FestivalEvent,
    people: people.map(({ joinedAt: _, ...person }) => person).sort(byId),
  };
}

/** The server's issues as this device may see them (staff phones get others' issues with contact details withheld). */
function visibleTo(device: SimDevice, server: ServerSnapshot): Issue[] {
  const mayReadContact = canReadContactDetails(device.role);
  return server.issues.map(({ issue, reportedBy }) =>
    mayReadContact || reportedBy === device.deviceId ? issue : withheldFromStaff(issue),
  );
}

/** The issue as the server holds it, without the phone's note of which version that is. */
function contentOf({ serverVersion: _, ...issue }: StoredIssue): Issue {
  return issue;
}

/**
 * Holds at any quiet moment, not only at the end: a phone with nothing pending on an issue whose
 * version is the server's current one shows exactly the server's copy. A change the phone
 * applied but the server did not (or applied differently) without a new version would stay on
 * that phone until someone else happens to change the issue.
 */
export async function expectUpToDateCopiesMatch(devices: SimDevice[], server: ServerSnapshot, label: string): Promise<void> {
  for (const device of devices) {
    const stored = await device.db.issues.toArray();
    const versions = new Map(stored.map((issue) => [issue.id, issue.serverVersion]));
    const pending = new Set((await device.db.unsentChanges.toArray()).map((e) => e.issueId));
    const visible = visibleTo(device, server);
    const copies = new Map(stored.map((issue) => [issue.id, contentOf(issue)]));
    for (const [i, { issue, changeSeq }] of server.issues.entries()) {
      if (pending.has(issue.id) || versions.get(issue.id) !== changeSeq) continue;
      const mine = copies.get(issue.id);
      if (JSON.stringify(mine) !== JSON.stringify(visible[i])) {
        expect(
          mine,
          `${label}: ${device.name} (${device.role}) is at version ${changeSeq} of issue ${issue.id} with nothing pending, but shows something else than the server`,
        ).toEqual(visible[i]);
      }
    }
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The end state every run must reach: each phone holds exactly the server's issues (as its role
 * may see them) with nothing left to send, every change a phone saved reached the server exactly
 * once or was refused with a reason the phone keeps, and nothing was applied twice.
 */
export async function expectConverged(
  devices: SimDevice[],
  server: ServerSnapshot,
  label: string,
  /**
   * People whose devices sent raw pushes: their entries (signed by the server with their name,
   * whatever they claimed, and under whatever ids they chose, other phones' included) are theirs
   * to answer for; the honest phones' changes are checked.
   */
  hostileStaffIds: ReadonlySet<string> = new Set(),
): Promise<void> {
  const problems: string[] = [];
  const honest = (entry: { by: { id: string } }) => !hostileStaffIds.has(entry.by.id);

  // Nothing applied twice: timeline entry ids are unique across the whole event.
  const entryIssue = new Map<string, string>();
  for (const { issue } of server.issues) {
    for (const entry of issue.timeline.filter(honest)) {
      if (entryIssue.has(entry.id)) problems.push(`timeline entry ${entry.id} appears twice (issue ${issue.id})`);
      entryIssue.set(entry.id, issue.id);
    }
  }
  const savedIds = new Set(devices.flatMap((d) => d.saved.map((m) => m.mutationUuid)));
  for (const [entryId, issueId] of entryIssue) {
    const [mutationUuid, conflict, field] = entryId.split(':');
    if (!savedIds.has(mutationUuid!)) problems.push(`timeline entry ${entryId} on ${issueId} belongs to no saved change`);
    // A field conflict is recorded beside the change that caused it, on the same issue.
    if (conflict && field && entryIssue.get(mutationUuid!) !== issueId) problems.push(`conflict ${entryId} without its change`);
  }

  const noteTexts = new Map<string, number>();
  for (const { issue } of server.issues) {
    for (const entry of issue.timeline.filter(honest))
      if (entry.kind === 'note') noteTexts.set(entry.note, (noteTexts.get(entry.note) ?? 0) + 1);
  }

  for (const device of devices) {
    const who = `${device.name} (${device.role})`;
    const outbox = await device.db.unsentChanges.count();
    if (outbox !== 0) problems.push(`${who} still has ${outbox} changes in its outbox`);
    const lastSeq = Math.max(0, ...device.saved.map((m) => m.mutationId));
    const serverLast = server.lastMutationIds.get(device.deviceId);
    if (serverLast !== lastSeq) problems.push(`${who} saved up to change ${lastSeq}, the server has up to ${serverLast}`);

    const serverRejected = server.rejections.filter((r) => r.deviceId === device.deviceId);
    const phoneRejected = await device.db.refusedChanges.toArray();
    const serverRejectedIds = serverRejected.map((r) => r.mutationUuid).sort();
    const phoneRejectedIds = phoneRejected.map((r) => r.mutationUuid).sort();
    if (JSON.stringify(serverRejectedIds) !== JSON.stringify(phoneRejectedIds)) {
      problems.push(
        `${who} keeps rejections ${phoneRejectedIds.join(',')} but the server refused ${serverRejectedIds.join(',')}`,
      );
    }
    for (const r of phoneRejected) {
      const reason = serverRejected.find((s) => s.mutationUuid === r.mutationUuid);
      if (!r.kind || !r.message || r.message !== reason?.message)
        problems.push(`${who} keeps ${r.mutationUuid} without the server's reason`);
    }

    for (const m of device.saved) {
      const inTimeline = entryIssue.has(m.mutationUuid) ? 1 : 0;
      const asConflict = entryIssue.has(`${m.mutationUuid}:conflict`) ? 1 : 0;
      const rejected = serverRejected.filter((r) => r.mutationUuid === m.mutationUuid).length;
      const traces = inTimeline + asConflict + rejected;
      if (traces > 1 || (m.leavesTrace && traces !== 1)) {
        problems.push(
          `${who}'s ${m.name} ${m.mutationUuid} (#${m.mutationId}) left ${traces} traces (timeline ${inTimeline}, conflict ${asConflict}, rejected ${rejected})`,
        );
      }
      const landedOn = entryIssue.get(m.mutationUuid) ?? entryIssue.get(`${m.mutationUuid}:conflict`);
      if (landedOn !== undefined && landedOn !== m.issueId)
        problems.push(`${who}'s ${m.mutationUuid} landed on ${landedOn}, not ${m.issueId}`);
      if (m.noteText !== undefined && rejected === 0 && noteTexts.get(m.noteText) !== 1) {
        problems.push(`${who}'s note "${m.noteText}" is on the server ${noteTexts.get(m.noteText) ?? 0} times`);
      }
    }

    // The festival settings and the people directory are the server's, on every phone.
    const settings = (await device.db.meta.get('event'))?.value as FestivalEvent;
    if (!sameValue(settings, server.event)) {
      problems.push(
        `${who}'s festival settings differ from the server's: ${JSON.stringify(settings)} vs ${JSON.stringify(server.event)}`,
      );
    }
    // Everything but the time of joining, duty included.
    const directory = (await device.db.people.toArray()).map(({ joinedAt: _, ...person }) => person).sort(byId);
    if (JSON.stringify(directory) !== JSON.stringify(server.people)) {
      problems.push(`${who}'s people directory differs from the server's: ${JSON.stringify(directory)}`);
    }
    const cursor = ((await device.db.meta.get('sync'))?.value as { cursor?: number } | undefined)?.cursor;
    if (cursor !== server.lastChangeSeq) problems.push(`${who} pulled up to ${cursor}, the server is at ${server.lastChangeSeq}`);
    const rows = await readQueueRows(device.db);
    const storedIssues = await device.db.issues.toArray();
    const stored = new Map(storedIssues.map((issue) => [issue.id, issue.serverVersion]));
    for (const { issue, changeSeq } of server.issues) {
      if (stored.get(issue.id) !== changeSeq) {
        problems.push(`${who} has issue ${issue.id} at version ${stored.get(issue.id)}, the server at ${changeSeq}`);
      }
    }
    // The queue shows exactly what the issue screen shows.
    const deviceEvent = (await device.db.meta.get('event'))?.value as FestivalEvent;
    const expectedRows = new Map(storedIssues.map((issue) => [issue.id, JSON.stringify(queueRowOf(issue, deviceEvent))]));
    for (const row of rows) {
      if (JSON.stringify(row) !== expectedRows.get(row.id))
        problems.push(`${who}'s queue row of ${row.id} differs from its issue`);
    }
    const queueIds = rows.map((row) => row.id).sort();
    if (JSON.stringify(queueIds) !== JSON.stringify(server.issues.map((r) => r.issue.id).sort())) {
      problems.push(`${who}'s queue lists other issues than the server holds`);
    }
  }
  const notesSaved = devices.flatMap((d) => d.saved).filter((m) => m.noteText !== undefined).length;
  // Refusals of the phone's own change: another device may have sent a change under the same id.
  const notesRejected = devices.flatMap((d) =>
    d.saved.filter(
      (m) =>
        m.noteText !== undefined && server.rejections.some((r) => r.mutationUuid === m.mutationUuid && r.deviceId === d.deviceId),
    ),
  ).length;
  const notesStored = [...noteTexts.values()].reduce((sum, n) => sum + n, 0);
  if (notesStored !== notesSaved - notesRejected)
    problems.push(`${notesSaved - notesRejected} notes saved, ${notesStored} on the server`);

  expect(problems, `${label}: ${problems.slice(0, 20).join('\n')}`).toEqual([]);

  // Same data everywhere: compared issue by issue so a failure shows one readable diff.
  for (const device of devices) {
    const expected = visibleTo(device, server).sort(byId);
    const actual = (await device.db.issues.toArray()).map(contentOf).sort(byId);
    expect(
      actual.map((i) => i.id),
      `${label}: ${device.name} holds other issues than the server`,
    ).toEqual(expected.map((i) => i.id));
    for (const [i, issue] of expected.entries()) {
      const mine = actual[i];
      if (JSON.stringify(mine) !== JSON.stringify(issue)) {
        expect(mine, `${label}: ${device.name} (${device.role}) differs from the server on issue ${issue.id}`).toEqual(issue);
      }
    }
  }
}
