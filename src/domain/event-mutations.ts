import * as z from 'zod/mini';
import { alertKinds, alertRulesOf } from './alert-rules';
import { alertRuleChangePhrase, alertRulesChangeSchema, storedAlertRules } from './alert-rules-schema';
import { AppError } from './app-error';
import { type EventChange, type FestivalEvent, maxEventChanges, type Zone } from './event';
import { type FestivalLanguage, festivalLanguageOf, festivalLanguages } from './festival-language';
import { severities } from './issue';
import { lazySchema } from './lazy-schema';
import { keepDaysOf, maxKeepDays } from './lost-property-keeping';
import { clockPattern, parseClock } from './operational-day';
import { maxRetentionDays, retentionDaysOf } from './personal-data';
import { code, type Phrase, say } from './phrase';
import { phraseText } from './phrase-text';
import { refusal } from './refusal';
import { sameValue } from './same-value';
import { canChangeEventSettings, type Role } from './staff';
import { parseOrThrow } from './validation';

const requiredText = (max: number, what: string) =>
  z.string().check(z.trim(), z.minLength(1, `${what} is required`), z.maxLength(max, `must be at most ${max} characters`));

function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** In English, for the settings' change list and refusals (the UI names each language in itself). */
const festivalLanguageNames: Record<FestivalLanguage, string> = {
  en: 'English',
  nl: 'Dutch',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
};

const clock = lazySchema(() => z.string().check(z.regex(clockPattern, 'must be a time like 06:00')));
/** Minutes to a first response; null = by the end of the festival day. */
const target = lazySchema(() =>
  z.nullable(z.number().check(z.int(), z.minimum(1, 'must be at least 1 minute'), z.maximum(24 * 60))),
);

export const eventMutationArgSchemas = {
  changeEventSettings: lazySchema(() =>
    z.object({
      name: z.optional(requiredText(100, 'festival name')),
      timezone: z.optional(z.string().check(z.refine(isTimezone, 'is not a timezone this app knows (e.g. Europe/Amsterdam)'))),
      dayStartsAt: z.optional(clock),
      /** The festival's language: the UI's default and the follow-up's when an attendee's is not known. */
      language: z.optional(
        z.enum(
          festivalLanguages,
          `must be one of the languages Helptent speaks: ${festivalLanguages.map((l) => `${l} (${festivalLanguageNames[l]})`).join(', ')}`,
        ),
      ),
      responseTargets: z.optional(
        z.object(Object.fromEntries(severities.map((s) => [s, target])) as Record<(typeof severities)[number], typeof target>),
      ),
      /** Organizers only: they answer for attendees' personal data. */
      retentionDays: z.optional(
        z.number().check(z.int('must be whole days'), z.minimum(1, 'must be at least 1 day'), z.maximum(maxRetentionDays)),
      ),
      /** Organizers only: what happens to unclaimed property is theirs to answer for. */
      lostPropertyKeepDays: z.optional(
        z.number().check(z.int('must be whole days'), z.minimum(1, 'must be at least 1 day'), z.maximum(maxKeepDays)),
      ),
      /** Which kinds of alert go to whom first and when they move up; kinds left out keep their rule. */
      alertRules: z.optional(alertRulesChangeSchema),
    }),
  ),
  /** The whole zone list: a zone keeps its id when renamed, so its issues stay in it. */
  setZones: lazySchema(() =>
    z.object({
      zones: z
        .array(z.object({ id: requiredText(60, 'zone id'), name: requiredText(60, 'zone name') }))
        .check(z.maxLength(200, 'at most 200 zones')),
    }),
  ),
};

export type EventMutationName = keyof typeof eventMutationArgSchemas;
export type EventMutationArgs<N extends EventMutationName> = z.infer<(typeof eventMutationArgSchemas)[N]>;
export const eventMutationNames = Object.keys(eventMutationArgSchemas) as EventMutationName[];

export function isEventMutation(name: string): name is EventMutationName {
  return name in eventMutationArgSchemas;
}

export interface EventMutationContext {
  now: string;
  actor: { id: string; name: string; role: Role };
  mutationUuid: string;
  /** How many issues are filed under a zone: a zone that still has issues cannot be removed. */
  issuesInZone: (zoneId: string) => number;
}

/** The settings change on the event's own timeline: its English text, and each setting's phrase. */
function withChange(event: FestivalEvent, ctx: EventMutationContext, said: Phrase[]): FestivalEvent {
  const change: EventChange = {
    id: ctx.mutationUuid,
    at: ctx.now,
    by: { id: ctx.actor.id, name: ctx.actor.name },
    text: `Festival settings: ${said.map((phrase) => phraseText(phrase)).join('; ')}`,
    phrases: said,
  };
  return { ...event, changes: [...(event.changes ?? []), change].slice(-maxEventChanges) };
}

function changeEventSettings(
  event: FestivalEvent,
  args: EventMutationArgs<'changeEventSettings'>,
  ctx: EventMutationContext,
): FestivalEvent {
  const next: FestivalEvent = { ...event };
  const said: Phrase[] = [];
  if (args.name !== undefined && args.name !== event.name) {
    next.name = args.name;
    said.push(say('name “{from}” → “{to}”', { from: event.name, to: args.name }));
  }
  if (args.timezone !== undefined && args.timezone !== event.timezone) {
    next.timezone = args.timezone;
    said.push(say('timezone {from} → {to}', { from: event.timezone, to: args.timezone }));
  }
  if (args.dayStartsAt !== undefined && args.dayStartsAt !== event.dayStartsAt) {
    parseClock(args.dayStartsAt);
    next.dayStartsAt = args.dayStartsAt;
    said.push(say('day starts at {from} → {to}', { from: event.dayStartsAt, to: args.dayStartsAt }));
  }
  if (args.language !== undefined && args.language !== event.language) {
    // An event that never chose shows its timezone's language: choosing that one is still news.
    const before = festivalLanguageOf(event);
    next.language = args.language;
    said.push(
      before === args.language
        ? say('language {to}', { to: code('language', args.language) })
        : say('language {from} → {to}', { from: code('language', before), to: code('language', args.language) }),
    );
  }
  if (args.responseTargets !== undefined && !sameValue(args.responseTargets, event.responseTargets)) {
    const targets = args.responseTargets;
    next.responseTargets = targets;
    const moved = severities.filter((s) => targets[s] !== event.responseTargets[s]);
    const shown = moved.map((s) => {
      const severity = code('severity', s);
      const minutes = targets[s];
      return minutes === null ? say('{severity} same day', { severity }) : say('{severity} {minutes} min', { severity, minutes });
    });
    said.push(say('response targets {targets}', { targets: shown }));
  }
  if (args.retentionDays !== undefined && args.retentionDays !== retentionDaysOf(event)) {
    if (ctx.actor.role !== 'organizer') {
      throw refusal('forbidden', say('Only an organizer can change how long attendee personal data is kept.'));
    }
    next.retentionDays = args.retentionDays;
    said.push(
      say('attendee personal data kept {from} → {to} days after the event', {
        from: retentionDaysOf(event),
        to: args.retentionDays,
      }),
    );
  }
  if (args.lostPropertyKeepDays !== undefined && args.lostPropertyKeepDays !== keepDaysOf(event)) {
    if (ctx.actor.role !== 'organizer') {
      throw refusal('forbidden', say('Only an organizer can change how long unclaimed lost property is kept.'));
    }
    next.lostPropertyKeepDays = args.lostPropertyKeepDays;
    said.push(
      say('unclaimed lost property kept {from} → {to} days after the event', {
        from: keepDaysOf(event),
        to: args.lostPropertyKeepDays,
      }),
    );
  }
  if (args.alertRules !== undefined) {
    const before = alertRulesOf(event);
    const after = { ...before };
    for (const kind of alertKinds) after[kind] = args.alertRules[kind] ?? before[kind];
    const moved = alertKinds.filter((kind) => !sameValue(before[kind], after[kind]));
    if (moved.length > 0) {
      const stored = storedAlertRules(after);
      if (stored) next.alertRules = stored;
      else delete next.alertRules;
      const changes = moved.map((kind) => alertRuleChangePhrase(kind, before[kind], after[kind]));
      said.push(say('alerts: {changes}', { changes }));
    }
  }
  if (said.length === 0) return event;
  return withChange(next, ctx, said);
}

function setZones(event: FestivalEvent, args: EventMutationArgs<'setZones'>, ctx: EventMutationContext): FestivalEvent {
  const zones: Zone[] = args.zones.map((z) => ({ id: z.id, name: z.name }));
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const zone of zones) {
    if (ids.has(zone.id)) throw refusal('invalid', say('Two zones have the same id “{id}”.', { id: zone.id }));
    if (names.has(zone.name.toLowerCase())) {
      throw refusal('invalid', say('There are two zones called “{zone}”.', { zone: code('zone', zone.name) }));
    }
    ids.add(zone.id);
    names.add(zone.name.toLowerCase());
  }
  const removed = event.zones.filter((z) => !ids.has(z.id));
  for (const zone of removed) {
    const count = ctx.issuesInZone(zone.id);
    if (count > 0) {
      throw refusal(
        'invalid-transition',
        say(
          'The zone “{zone}” still has {issues}, so it cannot be removed. Rename it instead, or move its issues to another zone first.',
          { zone: code('zone', zone.name), issues: count === 1 ? say('1 issue') : say('{count} issues', { count }) },
        ),
      );
    }
  }
  if (sameValue(zones, event.zones)) return event;
  const said: Phrase[] = [];
  for (const zone of zones) {
    const before = event.zones.find((z) => z.id === zone.id);
    if (!before) said.push(say('zone “{zone}” added', { zone: code('zone', zone.name) }));
    else if (before.name !== zone.name) {
      said.push(say('zone “{from}” renamed to “{to}”', { from: code('zone', before.name), to: code('zone', zone.name) }));
    }
  }
  for (const zone of removed) said.push(say('zone “{zone}” removed', { zone: code('zone', zone.name) }));
  if (said.length === 0) said.push(say('zones reordered'));
  return withChange({ ...event, zones }, ctx, said);
}

/**
 * Validates and applies a change to the festival settings. The same function runs on the
 * coordinator's phone (at once, offline) and on the server (in its order, authoritative): only
 * coordinators and organizers may change settings, whatever the phone says.
 */
export function applyEventMutation(
  event: FestivalEvent,
  name: string,
  rawArgs: unknown,
  ctx: EventMutationContext,
): FestivalEvent {
  if (!isEventMutation(name)) throw new AppError('invalid', `Unknown change "${name}".`);
  if (!canChangeEventSettings(ctx.actor.role)) {
    const aboutAlerts = (rawArgs as { alertRules?: unknown } | null)?.alertRules !== undefined;
    throw refusal(
      'forbidden',
      aboutAlerts
        ? say('Only coordinators and organizers can change which alerts go to whom.')
        : say('Only coordinators and organizers can change the festival settings.'),
    );
  }
  if (event.changes?.some((change) => change.id === ctx.mutationUuid)) return event;
  if (name === 'changeEventSettings') {
    return changeEventSettings(event, parseOrThrow(eventMutationArgSchemas.changeEventSettings, rawArgs, 'settings change'), ctx);
  }
  return setZones(event, parseOrThrow(eventMutationArgSchemas.setZones, rawArgs, 'zone list'), ctx);
}
