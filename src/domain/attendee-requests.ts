import * as z from 'zod/mini';
import { statuses } from './issue';
import { attendeeSchema } from './issue-schema';
import { lazySchema } from './lazy-schema';

/**
 * What an organizer's device and the server say to each other about one attendee: finding
 * them, erasing them, exporting what is held about them. Personal data travels only in request
 * bodies, never in addresses, so it stays out of server and proxy logs.
 */

const query = lazySchema(() =>
  z.string().check(z.trim(), z.minLength(2, 'type at least 2 characters'), z.maxLength(200, 'must be at most 200 characters')),
);
const issueIds = lazySchema(() =>
  z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(5000, 'at most 5,000 issues at once')),
);

export const attendeeFindRequestSchema = lazySchema(() => z.object({ query }));
export type AttendeeFindRequest = z.infer<typeof attendeeFindRequestSchema>;

export const attendeeRelations = ['attendee', 'mentioned'] as const;
export type AttendeeRelation = (typeof attendeeRelations)[number];

export const attendeeMatchSchema = lazySchema(() =>
  z.object({
    issueId: z.string(),
    createdAt: z.string(),
    category: z.string(),
    status: z.enum(statuses),
    summary: z.string(),
    attendee: attendeeSchema,
    /** The issue's attendee may be this person, or the issue's text mentions them. */
    relation: z.enum(attendeeRelations),
  }),
);
export type AttendeeMatch = z.infer<typeof attendeeMatchSchema>;

export const attendeeFindAnswerSchema = lazySchema(() =>
  z.object({ matches: z.array(attendeeMatchSchema), truncated: z.boolean() }),
);
export type AttendeeFindAnswer = z.infer<typeof attendeeFindAnswerSchema>;

/** The issues whose attendee is this person (as the organizer chose them from the matches) and what was searched. */
export const attendeeEraseRequestSchema = lazySchema(() => z.object({ query, issueIds }));
export type AttendeeEraseRequest = z.infer<typeof attendeeEraseRequestSchema>;
export const attendeeEraseAnswerSchema = lazySchema(() => z.object({ issuesChanged: z.number() }));

export const accessFormats = ['json', 'html'] as const;
export const attendeeAccessRequestSchema = lazySchema(() =>
  z.object({ query, issueIds, format: z.optional(z.enum(accessFormats)) }),
);
export type AttendeeAccessRequest = z.infer<typeof attendeeAccessRequestSchema>;
