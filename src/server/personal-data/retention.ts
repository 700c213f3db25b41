import { randomBytes } from 'node:crypto';
import { type AuditActor, serverActor } from '../../domain/audit';
import type { FestivalEvent } from '../../domain/event';
import type { Attendee, PersonRef } from '../../domain/issue';
import { fullNamesOf, purgePersonalData, retentionDaysOf, retentionHasEnded } from '../../domain/personal-data';
import { uuidV7 } from '../../domain/uuid-v7';
import { recordAudit } from '../repositories/audit-repository';
import { readEvent, saveEventConfig } from '../repositories/event-repository';
import type { Storage } from '../storage/storage';
import { forEachEventIssue, rewriteEventIssues } from './event-issues';
import { reclaimSpace } from './reclaim-space';

export const retentionRunner: PersonRef = { id: 'server', name: 'Helptent server' };

export interface RetentionRun {
  eventId: string;
  issuesChanged: number;
  changeSeq: number;
}

/**
 * Removes the event's attendee personal data once its retention period has ended: contact fields
 * and contact details in free text of every issue, the event marked as purged (phones that read
 * it purge their own copies, offline too). Null when the period has not ended or it already ran.
 */
export async function runRetention(
  storage: Storage,
  eventId: string,
  now: Date,
  by = retentionRunner,
  actor: AuditActor = serverActor,
): Promise<RetentionRun | null> {
  const event = await readEvent(storage.db, eventId);
  if (event.personalDataPurgedAt !== undefined || !retentionHasEnded(event, now)) return null;
  const stamp = { entryId: uuidV7(now.getTime(), randomBytes(10)), at: now.toISOString(), by };
  const attendees: Attendee[] = [];
  await forEachEventIssue(storage.db, eventId, (issue) => {
    attendees.push(issue.attendee);
  });
  const names = fullNamesOf(attendees);
  const result = await rewriteEventIssues(
    storage,
    eventId,
    (issue) => purgePersonalData(issue, stamp, names),
    async (trx, nextSeq, issuesChanged) => {
      // Read again inside the transaction: settings may have changed since.
      const current = await readEvent(trx, eventId);
      // Another instance ran it meanwhile (the event's row lock put this one after it).
      if (current.personalDataPurgedAt !== undefined) return;
      const purged: FestivalEvent = { ...current, personalDataPurgedAt: now.toISOString() };
      await saveEventConfig(trx, purged, nextSeq());
      const detail = { issues: issuesChanged, retentionDays: retentionDaysOf(current) };
      await recordAudit(trx, { eventId, at: now.toISOString(), actor, action: 'retention-run', detail });
    },
  );
  await reclaimSpace(storage);
  return { eventId, ...result };
}

/** Every event whose retention period has ended and not yet run, run now. */
export async function runDueRetention(storage: Storage, now: Date, actor: AuditActor = serverActor): Promise<RetentionRun[]> {
  const events = await storage.db.selectFrom('events').select('id').execute();
  const runs: RetentionRun[] = [];
  for (const { id } of events) {
    const run = await runRetention(storage, id, now, retentionRunner, actor);
    if (run) runs.push(run);
  }
  return runs;
}
