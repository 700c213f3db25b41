import * as z from 'zod/mini';
import { alertKinds } from './alert-rules';
import {
  contactChannels,
  followUpReasons,
  moods,
  outreachStates,
  publicRiskLevels,
  severities,
  sources,
  statuses,
  timelineKinds,
} from './issue';
import { lazySchema } from './lazy-schema';
import { lostPersonStates } from './lost-person';
import { custodySteps, idKinds, itemCategories, itemStates, lostPropertyKinds } from './lost-property';
import { photoTypes } from './photo';
import { phraseSchema } from './phrase-schema';

/**
 * The shape of a stored issue as it crosses the wire: what the mutators produce. Loose on
 * lengths (the mutators' arguments already bounded them) and strict on kinds, so a page from a
 * proxy or a broken server is told apart from an issue before it reaches the phone's database.
 */
const person = lazySchema(() => z.object({ id: z.string(), name: z.string() }));
const time = lazySchema(() => z.string());
const nullableTime = lazySchema(() => z.nullable(z.string()));

export const attendeeSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    ticketId: z.string(),
    preferredChannel: z.nullable(z.enum(contactChannels)),
    language: z.optional(z.string()),
  }),
);

const photoFile = lazySchema(() =>
  z.object({
    hash: z.string(),
    bytes: z.number(),
    width: z.number(),
    height: z.number(),
    type: z.enum(photoTypes),
  }),
);

export const photoRefSchema = lazySchema(() =>
  z.object({ id: z.string(), full: photoFile, thumb: photoFile, at: time, by: person }),
);

export const itemDescriptionSchema = lazySchema(() =>
  z.object({
    category: z.enum(itemCategories),
    colour: z.string(),
    brand: z.string(),
    marks: z.string(),
  }),
);

const lostPropertySchema = lazySchema(() =>
  z.object({
    kind: z.enum(lostPropertyKinds),
    item: itemDescriptionSchema,
    place: z.string(),
    at: nullableTime,
    storage: z.string(),
    state: z.enum(itemStates),
    matchedWith: z.nullable(z.string()),
    handback: z.nullable(
      z.object({
        collectedBy: z.string(),
        idKind: z.enum(idKinds),
        idLast4: z.string(),
        confirmation: z.union([
          z.object({ kind: z.literal('signature'), path: z.string() }),
          z.object({ kind: z.literal('typed'), text: z.string() }),
        ]),
        by: person,
        at: time,
      }),
    ),
    disposal: z.nullable(z.object({ how: z.enum(['posted', 'disposed']), note: z.string(), by: person, at: time })),
  }),
);

const lostPersonSchema = lazySchema(() =>
  z.object({
    description: z.nullable(
      z.object({
        name: z.string(),
        age: z.string(),
        clothing: z.string(),
        lastSeenPlace: z.string(),
        lastSeenAt: nullableTime,
        lookingForThem: z.string(),
      }),
    ),
    state: z.enum(lostPersonStates),
    foundAt: nullableTime,
    foundWhere: z.string(),
    reunion: z.nullable(
      z.object({
        collectedBy: z.string(),
        relation: z.string(),
        idKind: z.enum(idKinds),
        idLast4: z.string(),
        by: person,
        at: time,
      }),
    ),
  }),
);

export const issueSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    eventId: z.string(),
    createdAt: time,
    updatedAt: time,
    reportedBy: person,
    source: z.object({ kind: z.enum(sources), link: z.string() }),
    category: z.string(),
    severity: z.enum(severities),
    zoneId: z.nullable(z.string()),
    location: z.string(),
    summary: z.string(),
    details: z.string(),
    attendee: attendeeSchema,
    consent: z.object({ given: z.boolean(), at: nullableTime }),
    moodAtIntake: z.nullable(z.enum(moods)),
    moodAtClose: z.nullable(z.enum(moods)),
    publicRisk: z.object({
      level: z.enum(publicRiskLevels),
      link: z.string(),
      escalatedToComms: z.boolean(),
      escalatedAt: nullableTime,
    }),
    status: z.enum(statuses),
    owner: z.nullable(person),
    firstResponseAt: nullableTime,
    resolvedAt: nullableTime,
    closedAt: nullableTime,
    followUp: z.object({
      needed: z.boolean(),
      dueAt: nullableTime,
      channel: z.nullable(z.enum(contactChannels)),
      reason: z.nullable(z.enum(followUpReasons)),
      outreach: z.enum(outreachStates),
    }),
    resolution: z.string(),
    // Optional: resolutions people typed, and issues from older servers, have none.
    resolutionSaid: z.optional(phraseSchema),
    toldAttendee: z.string(),
    tags: z.array(z.string()),
    voided: z.optional(z.object({ at: time, by: person, reason: z.string() })),
    personalDataRemoved: z.optional(z.object({ at: time, by: person, why: z.enum(['erasure', 'retention']) })),
    contactWithheld: z.optional(z.boolean()),
    photos: z.optional(z.array(photoRefSchema)),
    lostProperty: z.optional(lostPropertySchema),
    lostPerson: z.optional(lostPersonSchema),
    restricted: z.optional(z.boolean()),
    timeline: z.array(
      z.object({
        id: z.string(),
        at: time,
        by: person,
        kind: z.enum(timelineKinds),
        text: z.string(),
        // Optional: entries stored before phrases, and pages from older servers, have none.
        phrase: z.optional(phraseSchema),
        note: z.string(),
        deviceAt: z.optional(time),
        custody: z.optional(z.enum(custodySteps)),
        alert: z.optional(z.object({ id: z.string(), kind: z.enum(alertKinds), raisedAt: time })),
      }),
    ),
  }),
);
