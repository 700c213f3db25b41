import * as z from 'zod/mini';
import { type AttendeeMatch, attendeeEraseAnswerSchema, attendeeFindAnswerSchema } from '../domain/attendee-requests';
import { callServer } from './http';

/**
 * An organizer's requests about one attendee: find, erase, export what is held. The search
 * travels in the request body, never the address.
 */

export function findAttendee(token: string, query: string): Promise<{ matches: AttendeeMatch[]; truncated: boolean }> {
  return callServer('/api/attendees/find', attendeeFindAnswerSchema, { method: 'POST', token, body: { query } });
}

export async function eraseAttendee(token: string, query: string, issueIds: string[]): Promise<number> {
  const answer = await callServer('/api/attendees/erase', attendeeEraseAnswerSchema, {
    method: 'POST',
    token,
    body: { query, issueIds },
  });
  return answer.issuesChanged;
}

/** The subject access export as the file to hand the attendee: JSON or a readable page. */
export function fetchAccessExport(token: string, query: string, issueIds: string[], format: 'json' | 'html'): Promise<string> {
  return callServer('/api/attendees/access', z.string(), {
    method: 'POST',
    token,
    body: { query, issueIds, format },
    as: 'text',
  });
}
