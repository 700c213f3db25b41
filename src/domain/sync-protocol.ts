import * as z from 'zod/mini';
import { errorKinds, errorReasons } from './app-error';
import { auditEntrySchema } from './audit';
import { festivalEventSchema } from './event-schema';
import { exportKinds } from './export-rows';
import { issueSchema } from './issue-schema';
import { lazySchema } from './lazy-schema';
import { mutationNames } from './mutation-args';
import { isCalendarDate } from './operational-day';
import { phraseSchema } from './phrase-schema';
import { roles } from './staff';

/**
 * The wire between phone and server, declared once and imported by both ends: the server
 * validates what it receives with these schemas and builds its answers as their types; the
 * phone checks every answer against them instead of casting.
 *
 * Names are the same on the phone, on the wire and in the server's tables:
 * - `deviceId` (`device_id`): the phone's own id, made on first open;
 * - `mutationId` (`mutation_id`): the device's increasing number for each change (1, 2, 3…),
 *   which makes resends harmless; `lastMutationId` is the highest one the server applied;
 * - `mutationUuid` (`mutation_uuid`): the change's UUID, under which its timeline entry is kept;
 * - `changeSeq` (`change_seq`): the server's order of everything stored, which pull cursors count.
 */

export const maxPushBatch = 1000;
/**
 * The largest push body the server reads (bytes of JSON). Phones cut their batches well below it
 * (`pushBatchBytes`), so a pile of long notes travels in several small pushes, each applied in a
 * few milliseconds, instead of one that holds the event's write lock for seconds.
 */
export const maxPushBytes = 2 * 1024 * 1024;
export const pushBatchBytes = 256 * 1024;

const id = (what: string) =>
  z.string().check(z.minLength(1, `${what} is required`), z.maxLength(100, `${what} must be at most 100 characters`));
const count = lazySchema(() => z.number().check(z.int(), z.minimum(0)));
const instant = lazySchema(() => z.iso.datetime({ offset: true, message: 'must be a date and time' }));

export const errorBodySchema = lazySchema(() =>
  z.object({
    error: z.object({
      kind: z.enum(errorKinds),
      message: z.string(),
      details: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
      /**
       * Why, when the phone must act on it (app-error.ts): `signed-out` on the 401 a signed-out
       * device gets. A reason this app does not know yet reads as none, never as an unreadable error.
       */
      reason: z.optional(z.catch(z.optional(z.enum(errorReasons)), undefined)),
    }),
  }),
);
export type ErrorBody = z.infer<typeof errorBodySchema>;

// Joining

export const joinRequestSchema = lazySchema(() =>
  z.object({
    code: z.string().check(z.minLength(6, 'the join code is too short'), z.maxLength(40)),
    deviceId: z
      .string()
      .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be the device id (a UUID)')),
    staffId: id('staff id'),
    staffName: z.string().check(z.trim(), z.minLength(1, 'your name is required'), z.maxLength(100)),
  }),
);
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** The device as the server granted it: what a phone shows and allows follows this role. */
export const grantedDeviceSchema = lazySchema(() =>
  z.object({ id: id('device id'), role: z.enum(roles), staffName: z.string() }),
);
export type GrantedDevice = z.infer<typeof grantedDeviceSchema>;

export const joinAnswerSchema = lazySchema(() =>
  z.object({ token: z.string(), device: grantedDeviceSchema, event: festivalEventSchema }),
);
export type JoinAnswer = z.infer<typeof joinAnswerSchema>;

export const meAnswerSchema = lazySchema(() => z.object({ device: grantedDeviceSchema, event: festivalEventSchema }));

// Push

export const pushedMutationSchema = lazySchema(() =>
  z.object({
    mutationId: z.number().check(z.int(), z.positive()),
    mutationUuid: id('mutation uuid'),
    name: z.enum(mutationNames, 'is not a known change'),
    args: z.unknown(),
    /** Device clock when the person made the change: for display, never for ordering. */
    createdAt: instant,
    /** The person on the phone; the role is always the one the server granted the device. */
    actor: z.object({ id: id('actor id'), name: id('actor name') }),
    /** Server version of what the change was made on (0 = none): the merge base. */
    baseVersion: count,
  }),
);
export type PushedMutation = z.infer<typeof pushedMutationSchema>;

export const pushRequestSchema = lazySchema(() =>
  z.object({
    deviceId: id('device id'),
    /**
     * The last mutation id of the batch this device sent just before this one, when it sends
     * without waiting for that batch's answer: the server applies this batch only once it has
     * that one, so a later batch never moves the device's last applied id past changes that have
     * not arrived.
     */
    after: z.optional(count),
    mutations: z.array(pushedMutationSchema).check(z.maxLength(maxPushBatch, `at most ${maxPushBatch} changes per push`)),
  }),
);
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A change the server will never apply, with the reason; the phone sets it aside for a person. */
export const refusalSchema = lazySchema(() =>
  z.object({
    mutationId: z.number().check(z.int(), z.positive()),
    mutationUuid: z.string(),
    kind: z.enum(errorKinds),
    message: z.string(),
    /**
     * The message as a phrase, when the domain wrote it so: the phone says it in its person's
     * language. Absent from servers before it, and from a refusal re-read for a resend.
     */
    phrase: z.optional(phraseSchema),
  }),
);
export type Refusal = z.infer<typeof refusalSchema>;

export const pushAnswerSchema = lazySchema(() => z.object({ lastMutationId: count, refused: z.array(refusalSchema) }));
export type PushAnswer = z.infer<typeof pushAnswerSchema>;

// Pull

export const pullQuerySchema = lazySchema(() =>
  z.object({
    cursor: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5000)), 1000),
    /** 'all' from a phone that holds no people directory yet (new, or upgraded from an app without one). */
    directory: z._default(z.enum(['changed', 'all']), 'changed'),
  }),
);
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const eventPersonSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(roles),
    deviceId: z.string(),
    signedIn: z.boolean(),
    joinedAt: z.string(),
    onDuty: z.exactOptional(z.boolean()),
    dutyZoneId: z.exactOptional(z.nullable(z.string())),
    pushReachable: z.exactOptional(z.boolean()),
  }),
);

/** PUT /api/devices/self/duty: on or off duty, and in which zone. */
export const dutyRequestSchema = lazySchema(() =>
  z.object({ onDuty: z.boolean(), zoneId: z.nullable(z.string().check(z.maxLength(60))) }),
);
export type DutyRequest = z.infer<typeof dutyRequestSchema>;

export const pulledIssueSchema = lazySchema(() => z.object({ issue: issueSchema, version: count }));

/**
 * A pull page, its issues read with `issues`. The event's schema is built only when a page
 * carries the event (settings changed).
 */
const pullPageWith = <T extends z.ZodMiniType>(issues: T) =>
  z.object({
    /** The event's settings, when they changed after the cursor (always on a first pull). */
    event: z.exactOptional(z.lazy(() => festivalEventSchema)),
    /** People who joined or whose device was signed out or back in after the cursor. */
    people: z.array(eventPersonSchema),
    /** The role the server grants this device now. */
    device: grantedDeviceSchema,
    /** Read before the page: the page holds at least these of the device's changes. */
    lastMutationId: count,
    issues: z.array(issues),
    cursor: count,
    hasMore: z.boolean(),
    /**
     * With `hasMore`: how many issues changed after `cursor`, i.e. are still to come when the page
     * was made (more may arrive meanwhile). Lets a catching-up phone show "4,000 of 21,000". Absent
     * on a last page and from servers before it; older phones ignore it.
     */
    remaining: z.exactOptional(count),
  });

export const pullPageSchema = lazySchema(() => pullPageWith(pulledIssueSchema));
export type PullPage = z.infer<typeof pullPageSchema>;

/**
 * The page as a phone first reads it: every part checked except the issues, which are read one by
 * one (pulled-rows.ts), so one row the phone cannot file is kept aside instead of stopping the
 * phone's sync for good. The server still answers with `pullPageSchema` (checked in its tests).
 * Not built from pullPageSchema: that would build the issue's schema for a page that holds none
 * (most pages of a phone that is up to date), in the task that reads the page.
 */
export const pullPageWireSchema = lazySchema(() => pullPageWith(z.unknown()));

// Pokes: server-sent events on /api/sync/pokes, "something changed up to this change sequence".

export function pokeEventText(changeSeq: number): string {
  return `event: poke\ndata: ${changeSeq}\n\n`;
}

/** The change sequence a server-sent event announces, or null when it is not a poke. */
export function changeSeqOfPoke(eventText: string): number | null {
  const match = /^event: poke\ndata: (\d+)$/m.exec(eventText);
  return match ? Number(match[1]) : null;
}

// Coordinators' and organizers' requests

export const joinCodeRequestSchema = lazySchema(() =>
  z.object({
    role: z.enum(roles),
    validMinutes: z._default(z.number().check(z.int(), z.minimum(5), z.maximum(7 * 24 * 60)), 12 * 60),
  }),
);
export const joinCodeAnswerSchema = lazySchema(() => z.object({ code: z.string(), expiresAt: z.string() }));

export const deviceViewSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    staffName: z.string(),
    role: z.enum(roles),
    joinedAt: z.string(),
    lastSeenAt: z.nullable(z.string()),
    lastPushedAt: z.nullable(z.string()),
    lastPulledAt: z.nullable(z.string()),
    revokedAt: z.nullable(z.string()),
    changesReceived: count,
  }),
);
export type DeviceView = z.infer<typeof deviceViewSchema>;
export const devicesAnswerSchema = lazySchema(() => z.object({ devices: z.array(deviceViewSchema) }));
export const revokeAnswerSchema = lazySchema(() =>
  z.union([z.object({ revoked: z.string() }), z.object({ restored: z.string() })]),
);
/**
 * `POST /api/devices/self/sign-out`, any role: the device signs itself out (end of a shift). Its
 * token stops working as if an organizer had signed it out, and only an organizer lets it back in.
 */
export const selfSignOutAnswerSchema = lazySchema(() => z.object({ signedOut: z.string() }));

// Version 1: apps in the field before the contract had its own names.

export const pushRequestV1Schema = lazySchema(() =>
  z.object({
    clientId: id('client id'),
    after: z.optional(count),
    mutations: z
      .array(
        z.object({
          id: z.number().check(z.int(), z.positive()),
          mutationId: id('mutation id'),
          name: z.enum(mutationNames, 'is not a known change'),
          args: z.unknown(),
          createdAt: instant,
          actor: z.object({ id: id('actor id'), name: id('actor name') }),
          baseVersion: count,
        }),
      )
      .check(z.maxLength(maxPushBatch, `at most ${maxPushBatch} changes per push`)),
  }),
);
export type PushRequestV1 = z.infer<typeof pushRequestV1Schema>;

export function pushRequestFromV1(body: PushRequestV1): PushRequest {
  return {
    deviceId: body.clientId,
    ...(body.after === undefined ? {} : { after: body.after }),
    mutations: body.mutations.map((m) => ({
      mutationId: m.id,
      mutationUuid: m.mutationId,
      name: m.name,
      args: m.args,
      createdAt: m.createdAt,
      actor: m.actor,
      baseVersion: m.baseVersion,
    })),
  };
}

export function pushAnswerToV1(answer: PushAnswer) {
  return {
    lastMutationId: answer.lastMutationId,
    rejected: answer.refused.map((r) => ({ id: r.mutationId, mutationId: r.mutationUuid, kind: r.kind, message: r.message })),
  };
}

// Exports a device made from its own data, reported for the server's export log.

const exportFormats = ['csv', 'json'] as const;

export const exportRecordSchema = lazySchema(() =>
  z.object({
    kind: z.enum(exportKinds, `must be ${exportKinds.join(' or ')}`),
    /** A festival day, or null for the whole event. */
    day: z._default(
      z.nullable(
        z
          .string()
          .check(
            z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a festival day like 2026-07-10'),
            z.refine(isCalendarDate, 'is not a date in the calendar'),
          ),
      ),
      null,
    ),
    format: z.enum(exportFormats, `must be ${exportFormats.join(' or ')}`),
    rows: z.number().check(z.int(), z.minimum(0), z.maximum(10_000_000)),
    /** The device's clock when it made the export: shown, never used to order. */
    exportedAt: instant,
  }),
);
export type ExportRecord = z.input<typeof exportRecordSchema>;
export const exportRecordedSchema = lazySchema(() => z.object({ id: z.string() }));

/** The event's export log as organizers read it, newest first by the server's clock. */
export const exportLogAnswerSchema = lazySchema(() =>
  z.object({
    exports: z.array(
      z.object({
        id: z.string(),
        who: z.string(),
        deviceId: z.nullable(z.string()),
        source: z.enum(['app', 'api', 'cli']),
        kind: z.enum(exportKinds),
        day: z.nullable(z.string()),
        format: z.enum(exportFormats),
        rows: count,
        exportedAt: z.string(),
        receivedAt: z.string(),
      }),
    ),
  }),
);

/** A page of the event's audit log, newest first; `before` the last entry's id asks for the next. */
export const auditAnswerSchema = lazySchema(() => z.object({ entries: z.array(auditEntrySchema), next: z.nullable(z.string()) }));
export type AuditAnswer = z.infer<typeof auditAnswerSchema>;

/** An error a phone reports so a crash in a field is seen by someone. */
export const clientErrorReportSchema = lazySchema(() =>
  z.object({
    message: z.string().check(z.minLength(1), z.maxLength(2000)),
    stack: z.optional(z.string().check(z.maxLength(8000))),
    url: z.string().check(z.maxLength(2000)),
    version: z.string().check(z.minLength(1), z.maxLength(100)),
    occurredAt: instant,
  }),
);
export type ClientErrorReport = z.infer<typeof clientErrorReportSchema>;
export const clientErrorAnswerSchema = lazySchema(() => z.object({ received: z.literal(true) }));
