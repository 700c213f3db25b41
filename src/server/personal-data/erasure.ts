import { randomBytes } from 'node:crypto';
import type { AuditActor } from '../../domain/audit';
import type { Attendee, PersonRef } from '../../domain/issue';
import {
  type AttendeeTerms,
  eraseAttendee,
  looksLikeEmail,
  looksLikePhone,
  mayMention,
  termsOfQuery,
  withAttendees,
} from '../../domain/personal-data';
import { uuidV7 } from '../../domain/uuid-v7';
import { recordAudit } from '../repositories/audit-repository';
import { readIssueRows } from '../repositories/issue-repository';
import type { Storage } from '../storage/storage';
import { rewriteEventIssues } from './event-issues';
import { reclaimSpace } from './reclaim-space';

export interface ErasureRequest {
  eventId: string;
  /** What the organizer searched for. */
  query: string;
  /** The issues whose attendee is the person, as the organizer chose them. */
  issueIds: string[];
  by: PersonRef;
  /** Who, for the audit log: the organizer's device, or the command line. */
  actor: AuditActor;
  now: Date;
}

export interface ErasureResult {
  issuesChanged: number;
  changeSeq: number;
}

/**
 * Everything that identifies the person: the chosen issues' contact details, and the search
 * itself when it was an email or phone number. A name typed in the search counts only when no
 * chosen issue names them (a person only ever mentioned in notes): "de Vries" must not erase
 * every de Vries.
 */
export async function termsFor(
  storage: Storage,
  request: Pick<ErasureRequest, 'eventId' | 'query' | 'issueIds'>,
): Promise<AttendeeTerms> {
  const rows = await readIssueRows(storage.db, request.issueIds);
  const attendees: Attendee[] = [];
  for (const row of rows.values()) {
    if (row.event_id === request.eventId) attendees.push((JSON.parse(row.data) as { attendee: Attendee }).attendee);
  }
  const q = request.query.trim();
  const base = looksLikeEmail(q) || looksLikePhone(q) ? termsOfQuery(q) : { names: [], emails: [], phones: [], ticketIds: [] };
  const terms = withAttendees(base, attendees);
  return terms.names.length === 0 && !looksLikeEmail(q) && !looksLikePhone(q) ? { ...terms, names: [q] } : terms;
}

/**
 * Erases one attendee from every issue of the event, on request: contact fields, and every
 * mention in summaries, notes, what we told them, resolutions and outreach, each changed issue
 * under a new change sequence so every phone replaces its copy at its next pull. The database's
 * space is then reclaimed, so the old text is not left in the file or its log.
 */
export async function eraseAttendeeEverywhere(storage: Storage, request: ErasureRequest): Promise<ErasureResult> {
  const terms = await termsFor(storage, request);
  const chosen = new Set(request.issueIds);
  const stamp = { entryId: uuidV7(request.now.getTime(), randomBytes(10)), at: request.now.toISOString(), by: request.by };
  const result = await rewriteEventIssues(
    storage,
    request.eventId,
    (issue) => eraseAttendee(issue, terms, stamp, chosen.has(issue.id) || undefined),
    (trx, _seq, issuesChanged) =>
      recordAudit(trx, {
        eventId: request.eventId,
        at: stamp.at,
        actor: request.actor,
        action: 'erasure',
        detail: { issues: issuesChanged },
      }),
    (row) => chosen.has(row.id) || mayMention(row.data, terms),
  );
  if (result.issuesChanged > 0) await reclaimSpace(storage, 'log');
  return result;
}
