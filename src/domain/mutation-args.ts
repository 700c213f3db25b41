import * as z from 'zod/mini';
import { alertKinds } from './alert-rules';
import { eventMutationArgSchemas } from './event-mutations';
import {
  contactChannels,
  followUpReasons,
  moods,
  outreachStates,
  publicRiskLevels,
  severities,
  sources,
  statuses,
} from './issue';
import { lazySchema } from './lazy-schema';
import { idKinds, itemCategories, lostPropertyKinds } from './lost-property';
import { hashPattern, maxPhotoBytes, maxPhotoEdge, maxThumbBytes, photoTypes, thumbEdge } from './photo';
import { textLimits } from './text-limits';
import { uuidPattern } from './uuid-v7';

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, `must be at most ${max} characters`));
const requiredText = (max: number, what: string) =>
  z.string().check(z.trim(), z.minLength(1, `${what} is required`), z.maxLength(max, `must be at most ${max} characters`));
const uuid = lazySchema(() => z.string().check(z.regex(uuidPattern, 'must be a UUID')));
const isoTime = lazySchema(() => z.iso.datetime({ offset: true, message: 'must be a date and time' }));
const person = lazySchema(() => z.object({ id: requiredText(100, 'id'), name: requiredText(100, 'name') }));

/** An empty string is "not given"; anything else must look like an email address. */
const email = lazySchema(() => z.union([z.literal(''), z.email('does not look like an email address')]));
const link = lazySchema(() => z.union([z.literal(''), z.url('must be a web link (https://…)')]));

export const attendeeSchema = lazySchema(() =>
  z.object({
    name: z.optional(text(120)),
    email: z.optional(z.pipe(z.string().check(z.trim(), z.maxLength(200)), email)),
    phone: z.optional(
      z.string().check(z.trim(), z.maxLength(40), z.regex(/^[+\d\s().-]*$/, 'may only hold digits, spaces and + ( ) - .')),
    ),
    ticketId: z.optional(text(80)),
    preferredChannel: z.optional(z.nullable(z.enum(contactChannels))),
    /** A language code ("nl"); '' when not known. */
    language: z.optional(z.string().check(z.regex(/^([a-z]{2,3})?$/, 'must be a language code such as "nl"'))),
  }),
);

/** Fields a person can set when logging and change later; each one optional in an update. */
export const editableFieldsSchema = lazySchema(() =>
  z.object({
    source: z.optional(z.object({ kind: z.enum(sources), link: z.optional(z.pipe(text(500), link)) })),
    category: z.optional(requiredText(60, 'category')),
    severity: z.optional(z.enum(severities)),
    zoneId: z.optional(z.nullable(requiredText(60, 'zone'))),
    location: z.optional(text(textLimits.location)),
    summary: z.optional(requiredText(textLimits.summary, 'summary')),
    details: z.optional(text(textLimits.details)),
    attendee: z.optional(attendeeSchema),
    /** The attendee's answer to the consent question read to them. */
    consentGiven: z.optional(z.boolean()),
    moodAtIntake: z.optional(z.nullable(z.enum(moods))),
    tags: z.optional(z.array(requiredText(40, 'tag')).check(z.maxLength(20, 'at most 20 tags'))),
  }),
);
export type EditableFields = z.infer<typeof editableFieldsSchema>;

const photoFile = (maxBytes: number, maxEdge: number) =>
  z.object({
    hash: z.string().check(z.regex(hashPattern, 'must be a SHA-256 in hex')),
    bytes: z.number().check(z.int(), z.minimum(1), z.maximum(maxBytes, `must be at most ${maxBytes} bytes`)),
    width: z.number().check(z.int(), z.minimum(1), z.maximum(maxEdge)),
    height: z.number().check(z.int(), z.minimum(1), z.maximum(maxEdge)),
    type: z.enum(photoTypes),
  });

export const itemDescriptionArgs = lazySchema(() =>
  z.object({
    category: z.enum(itemCategories),
    colour: text(60),
    brand: text(100),
    marks: text(textLimits.marks),
  }),
);

/** What a person says about a found item or a lost report when logging it. */
export const lostPropertyArgs = lazySchema(() =>
  z.object({
    kind: z.enum(lostPropertyKinds),
    item: itemDescriptionArgs,
    place: text(200),
    at: z.nullable(isoTime),
    /** Bin or shelf label of a found item put into storage at once. */
    storage: z.optional(text(60)),
  }),
);

export const lostPersonArgs = lazySchema(() =>
  z.object({
    name: text(120),
    age: text(30),
    clothing: text(textLimits.clothing),
    lastSeenPlace: text(200),
    lastSeenAt: z.nullable(isoTime),
    lookingForThem: text(300),
  }),
);

const publicRiskArgs = {
  level: lazySchema(() => z.enum(publicRiskLevels)),
  link: lazySchema(() => z.optional(z.pipe(text(500), link))),
  escalateToComms: lazySchema(() => z.optional(z.boolean())),
};

export const issueMutationArgSchemas = {
  createIssue: lazySchema(() =>
    z.extend(editableFieldsSchema, {
      id: uuid,
      eventId: requiredText(100, 'event'),
      category: requiredText(60, 'category'),
      summary: requiredText(textLimits.summary, 'summary'),
      /** Known at intake more often than not ("she's filming this"), so part of the first save. */
      publicRisk: z.optional(z.object(publicRiskArgs)),
      /** A found item or a lost report (category lost property). */
      lostProperty: z.optional(lostPropertyArgs),
      /** A lost person (category lost person): the description every phone on duty gets. */
      lostPerson: z.optional(lostPersonArgs),
    }),
  ),
  updateFields: lazySchema(() => z.object({ issueId: uuid, fields: editableFieldsSchema })),
  setStatus: lazySchema(() =>
    z.object({
      issueId: uuid,
      status: z.enum(statuses),
      resolution: z.optional(text(textLimits.resolution)),
      moodAtClose: z.optional(z.nullable(z.enum(moods))),
    }),
  ),
  assignOwner: lazySchema(() => z.object({ issueId: uuid, owner: person })),
  handOver: lazySchema(() =>
    z.object({ issueId: uuid, to: person, note: requiredText(textLimits.handoverNote, 'handover note') }),
  ),
  addNote: lazySchema(() => z.object({ issueId: uuid, text: requiredText(textLimits.note, 'note') })),
  recordToldAttendee: lazySchema(() =>
    z.object({ issueId: uuid, text: requiredText(textLimits.toldAttendee, 'what we told the attendee') }),
  ),
  setMood: lazySchema(() => z.object({ issueId: uuid, stage: z.enum(['intake', 'close']), mood: z.nullable(z.enum(moods)) })),
  flagPublicRisk: lazySchema(() => z.object({ issueId: uuid, ...publicRiskArgs })),
  setFollowUp: lazySchema(() =>
    z.object({
      issueId: uuid,
      needed: z.boolean(),
      dueAt: z.optional(z.nullable(isoTime)),
      channel: z.optional(z.nullable(z.enum(contactChannels))),
      reason: z.optional(z.nullable(z.enum(followUpReasons))),
    }),
  ),
  setOutreach: lazySchema(() => z.object({ issueId: uuid, outreach: z.enum(outreachStates) })),
  /** The repair of last resort for an issue that should never have been (organizers only). */
  voidIssue: lazySchema(() => z.object({ issueId: uuid, reason: requiredText(textLimits.voidReason, 'reason') })),
  /** "I'm on it": the first person to answer an alert takes the issue, or is recorded beside its owner. */
  acknowledgeAlert: lazySchema(() =>
    z.object({ issueId: uuid, alertId: requiredText(100, 'alert'), kind: z.enum(alertKinds), raisedAt: isoTime }),
  ),
  describeLostPerson: lazySchema(() => z.object({ issueId: uuid, description: lostPersonArgs })),
  markPersonFound: lazySchema(() => z.object({ issueId: uuid, where: requiredText(200, 'where they are now') })),
  reunitePerson: lazySchema(() =>
    z.object({
      issueId: uuid,
      collectedBy: requiredText(120, 'name of the person collecting'),
      relation: text(60),
      idKind: z.enum(idKinds),
      idLast4: z
        .string()
        .check(z.trim(), z.regex(/^[A-Za-z0-9]{1,4}$/, 'must be the last four letters or digits of the ID only')),
    }),
  ),
  attachPhoto: lazySchema(() =>
    z.object({
      issueId: uuid,
      photo: z.object({ id: uuid, full: photoFile(maxPhotoBytes, maxPhotoEdge), thumb: photoFile(maxThumbBytes, thumbEdge) }),
    }),
  ),
  removePhoto: lazySchema(() => z.object({ issueId: uuid, photoId: uuid })),
  describeItem: lazySchema(() =>
    z.object({
      issueId: uuid,
      item: z.optional(itemDescriptionArgs),
      place: z.optional(text(200)),
      at: z.optional(z.nullable(isoTime)),
    }),
  ),
  /** Put a found item in a bin or on a shelf, or move it to another. */
  storeItem: lazySchema(() => z.object({ issueId: uuid, storage: requiredText(60, 'bin or shelf') })),
  /** Confirm (or undo) a match between a found item and a lost report; sent for both sides. */
  matchItem: lazySchema(() => z.object({ issueId: uuid, otherId: uuid, matched: z.boolean() })),
  handBackItem: lazySchema(() =>
    z.object({
      issueId: uuid,
      collectedBy: requiredText(120, 'name of the person collecting'),
      idKind: z.enum(idKinds),
      idLast4: z
        .string()
        .check(z.trim(), z.regex(/^[A-Za-z0-9]{1,4}$/, 'must be the last four letters or digits of the ID only')),
      confirmation: z.union([
        z.object({
          kind: z.literal('signature'),
          path: z
            .string()
            .check(
              z.minLength(1, 'signature is empty'),
              z.maxLength(20_000, 'signature is too long'),
              z.regex(/^[MLml0-9 .,-]+$/, 'is not a drawn signature'),
            ),
        }),
        z.object({ kind: z.literal('typed'), text: requiredText(200, 'typed confirmation') }),
      ]),
    }),
  ),
  /** A lost report whose item was handed back: names the found item. */
  recordItemReturned: lazySchema(() => z.object({ issueId: uuid, foundId: uuid })),
  /** After the keeping period: posted to its owner or disposed of. */
  disposeItem: lazySchema(() => z.object({ issueId: uuid, how: z.enum(['posted', 'disposed']), note: text(500) })),
};

export type IssueMutationName = keyof typeof issueMutationArgSchemas;
export type MutationArgs<N extends IssueMutationName> = z.infer<(typeof issueMutationArgSchemas)[N]>;

/** Every named change a device can send: to an issue, or to the event's settings. */
export const mutationArgSchemas = { ...issueMutationArgSchemas, ...eventMutationArgSchemas };
export type MutationName = keyof typeof mutationArgSchemas;
export const mutationNames = Object.keys(mutationArgSchemas) as MutationName[];

export function isIssueMutation(name: string): name is IssueMutationName {
  return name in issueMutationArgSchemas;
}
