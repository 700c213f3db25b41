import type { AuditActor } from '../../domain/audit';
import { redactTerms } from '../../domain/personal-data';
import { readServerEvent } from '../events/event-admin';
import type { Storage } from '../storage/storage';
import { accessPage } from './access-page';
import { findAttendee } from './attendee-search';
import { termsFor } from './erasure';
import { type AccessDocument, accessDocument, recordAccessExport } from './subject-access';

export interface AccessExportRequest {
  eventId: string;
  query: string;
  /** The issues whose attendee is the person, as the organizer chose them. */
  issueIds: string[];
  format: 'json' | 'html';
  /** Who asked: an organizer's device, or the command line. */
  actor: AuditActor;
  now: Date;
}

export interface AccessExportFile {
  doc: AccessDocument;
  fileName: string;
  contentType: string;
  body: string;
}

/**
 * Everything held about one attendee, as the file to hand them, for the app's route and the
 * command line alike. It is in the audit log before it leaves the server.
 */
export async function runAccessExport(storage: Storage, request: AccessExportRequest): Promise<AccessExportFile> {
  const { eventId, query, issueIds, format, actor, now } = request;
  const event = await readServerEvent(storage, eventId);
  const terms = await termsFor(storage, { eventId, query, issueIds });
  const found = await findAttendee(storage, eventId, query, terms);
  const mentions = (text: string) => redactTerms(text, terms) !== text;
  const doc = accessDocument(event, found, new Set(issueIds), mentions, { query, by: actor.name, now });
  await recordAccessExport(storage.db, { eventId, at: doc.generatedAt, actor, doc, format });
  const html = format === 'html';
  return {
    doc,
    fileName: `helptent-${event.id}-subject-access.${format}`,
    contentType: html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    body: html ? accessPage(doc) : `${JSON.stringify(doc, null, 2)}\n`,
  };
}
