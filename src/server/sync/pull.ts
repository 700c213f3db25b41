import { withoutCollector } from '../../domain/handback-personal-data';
import type { Issue } from '../../domain/issue';
import { mayDeviceSeeIssue, restrictedStub, type Viewer } from '../../domain/issue-visibility';
import { withoutFinishedDescription } from '../../domain/lost-person-visibility';
import { mapIssueText, withheldFromStaff } from '../../domain/personal-data';
import { canReadContactDetails } from '../../domain/staff';
import type { GrantedDevice } from '../../domain/sync-protocol';
import type { AuthenticatedDevice } from '../auth/authenticate';
import { readLastMutationId } from '../repositories/device-repository';
import { readEventChangeSeqs, readEventJson, readLastChangeSeq } from '../repositories/event-repository';
import { countIssuesChangedAfter, issuesChangedAfter } from '../repositories/issue-repository';
import { peopleChangedAfter } from '../repositories/people-repository';
import type { Storage } from '../storage/storage';
import type { PullStamps } from './pull-stamps';

/**
 * How stale the device's "last pulled / last seen" may be. Coordinators read it to the minute
 * ("quiet for 12 min"); writing it on every poll was most of a pull's cost (a disk-synced write
 * per read on SQLite), so it is written at most this often per device.
 */
export const pullStampIntervalMs = 30_000;

export interface PullRequest {
  cursor: number;
  limit: number;
  /** 'all' for a phone that holds no people directory yet (new, or upgraded from an app without one). */
  directory: 'changed' | 'all';
  /** Version 1 apps always get the event and know nothing of the directory. */
  protocol: number;
}

/**
 * Changes after the cursor, in change order, one page at a time, as the JSON text of a
 * PullPage (sync-protocol.ts). Attendee contact details are personal data: a staff device
 * receives them only on issues it logged itself; on others' issues they are withheld and
 * anything shaped like them masked in free text (`withheldFromStaff`). The event's settings and the people directory
 * are sent when they changed after the cursor; both are whole states, so sending a newer one
 * early is harmless.
 *
 * Stored issues and the event config are JSON this server wrote with JSON.stringify, so they are
 * placed into the answer as they are; parsing and re-serialising 5,000 issues of a catching-up
 * phone was most of the server's work for a page. Only issues that lose their contact details
 * are parsed. The server tests parse every answer with the page's schema.
 */
export async function pullChanges(
  storage: Storage,
  device: AuthenticatedDevice,
  request: PullRequest,
  now: Date,
  stamps: PullStamps,
): Promise<string> {
  const { cursor, limit } = request;
  const lastMutationId = await readLastMutationId(storage.db, device.id);
  // Read before the issues: every change up to it is committed (pushes write their rows and
  // this number in one transaction), so a last page can move the cursor to it.
  const settledSeq = await readLastChangeSeq(storage.db, device.event_id);
  const rows = await issuesChangedAfter(storage.db, device.event_id, cursor, limit);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const mayReadContact = canReadContactDetails(device.role);
  const viewer: Viewer = { role: device.role, deviceId: device.id, staffId: device.staff_id };
  const issues = page.map((row) => {
    const visible = mayReadContact
      ? finishedCaseWithoutDescription(row.data)
      : row.reported_by_device === device.id
        ? reporterCopy(row.data, device.staff_id)
        : JSON.stringify(staffCopy(JSON.parse(row.data) as Issue, viewer, row.reported_by_device));
    return `{"issue":${visible},"version":${Number(row.change_seq)}}`;
  });
  // The usual poll: nothing of the event changed after the cursor, so there are no settings or
  // people to send either (they take a change sequence too). A change committed since
  // `settledSeq` was read is sent by the next pull: the cursor does not move past it.
  const quiet =
    request.protocol >= 2 && cursor > 0 && settledSeq <= cursor && page.length === 0 && request.directory === 'changed';
  // Read after the issues, so they are at least as new as anything the page covers; the settings
  // and the directory themselves only when they changed after the cursor.
  const seqs = quiet ? null : await readEventChangeSeqs(storage.db, device.event_id);
  const sendEvent = seqs !== null && (request.protocol < 2 || cursor === 0 || seqs.configSeq > cursor);
  const eventJson = sendEvent ? await readEventJson(storage.db, device.event_id) : null;
  const sendPeople = seqs !== null && (request.directory === 'all' || cursor === 0 || seqs.peopleSeq > cursor);
  const stampAge = now.getTime() - (device.last_pulled_at ? Date.parse(device.last_pulled_at) : Number.NaN);
  if (!(stampAge >= 0 && stampAge < pullStampIntervalMs)) stamps.note(device.id, now);
  const lastOnPage = Number(page.at(-1)?.change_seq ?? cursor);
  const next = hasMore ? lastOnPage : Math.max(lastOnPage, cursor, settledSeq);
  // A phone catching up shows "4,000 of 21,000": while pages are full, how many are still to come
  // (version 1 apps, which never asked, get their answer as it always was).
  const remaining =
    hasMore && request.protocol >= 2 ? `,"remaining":${await countIssuesChangedAfter(storage.db, device.event_id, next)}` : '';
  const tail = `"lastMutationId":${lastMutationId},"issues":[${issues.join(',')}],"cursor":${next},"hasMore":${hasMore}${remaining}}`;
  if (request.protocol < 2) return `{"event":${eventJson},${tail}`;
  const people = sendPeople
    ? await peopleChangedAfter(storage.db, device.event_id, request.directory === 'all' || cursor === 0 ? null : cursor)
    : [];
  const granted: GrantedDevice = { id: device.id, role: device.role, staffName: device.staff_name };
  return `{${eventJson !== null ? `"event":${eventJson},` : ''}"people":${JSON.stringify(people)},"device":${JSON.stringify(granted)},${tail}`;
}

/**
 * A finished lost-person case reaches phones without its description (see lost-person-visibility.ts);
 * only those issues are parsed, found by a look at the stored text.
 */
function finishedCaseWithoutDescription(data: string): string {
  if (!data.includes('"lostPerson"')) return data;
  const issue = JSON.parse(data) as Issue;
  const sent = withoutFinishedDescription(issue);
  return sent === issue ? data : JSON.stringify(sent);
}

/**
 * An issue as the staff device that logged it receives it: the attendee contact it typed itself,
 * but not who collected a found item when someone else recorded the hand-back (that person is
 * personal data the logging phone never held).
 */
function reporterCopy(data: string, staffId: string | null): string {
  if (!data.includes('"handback":{')) return finishedCaseWithoutDescription(data);
  const issue = JSON.parse(data) as Issue;
  const recordedHere = issue.lostProperty?.handback?.by.id === staffId;
  return JSON.stringify(withoutFinishedDescription(recordedHere ? issue : withoutCollector(issue, mapIssueText)));
}

/**
 * An issue as a staff device receives it: a restricted case it may not see as a bare stub, any
 * other with attendee contact withheld and a finished lost-person case without its description.
 */
function staffCopy(issue: Issue, viewer: Viewer, reportedByDevice: string | null): Issue {
  if (!mayDeviceSeeIssue(viewer, issue, reportedByDevice)) return restrictedStub(issue);
  return withoutFinishedDescription(withheldFromStaff(issue));
}
