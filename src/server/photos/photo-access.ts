import type { FastifyBaseLogger } from 'fastify';
import type { Issue } from '../../domain/issue';
import { mayDeviceSeeIssue } from '../../domain/issue-visibility';
import { photoHashesOf } from '../../domain/photo';
import type { AuthenticatedDevice } from '../auth/authenticate';
import { readIssueRows } from '../repositories/issue-repository';
import { findPhoto } from '../repositories/photo-repository';
import type { Storage } from '../storage/storage';

export type PhotoAccess =
  | { kind: 'allowed'; type: string; bytes: number }
  /** The issue shows the photo, but no upload of it has completed yet. */
  | { kind: 'not-uploaded' }
  /** Another event's issue, one this device may not see, or one that does not show the photo: all the same to the device. */
  | { kind: 'hidden' };

/**
 * Whether the device may have the photo: its event holds the issue, it may see that issue
 * (issue-visibility.ts, the one rule), and the issue shows the photo now (a removed photo is
 * no longer served through it).
 */
export async function photoAccess(
  storage: Storage,
  device: AuthenticatedDevice,
  hash: string,
  issueId: string,
  log: FastifyBaseLogger,
): Promise<PhotoAccess> {
  const row = (await readIssueRows(storage.db, [issueId])).get(issueId);
  if (!row || row.event_id !== device.event_id) return { kind: 'hidden' };
  let issue: Issue;
  try {
    issue = JSON.parse(row.data) as Issue;
  } catch (error) {
    log.error({ err: error, issueId }, 'stored issue is not readable; its photos are not served');
    return { kind: 'hidden' };
  }
  if (
    !mayDeviceSeeIssue({ role: device.role, deviceId: device.id, staffId: device.staff_id }, issue) ||
    !photoHashesOf(issue).includes(hash)
  )
    return { kind: 'hidden' };
  const photo = await findPhoto(storage.db, device.event_id, hash);
  return photo ? { kind: 'allowed', type: photo.type, bytes: photo.bytes } : { kind: 'not-uploaded' };
}

/** Whether an If-None-Match header names this ETag (`"<hash>"`, weak or strong, or `*`). */
export function isFreshFor(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const clean = tag.trim().replace(/^W\//, '');
    return clean === '*' || clean === `"${hash}"`;
  });
}
