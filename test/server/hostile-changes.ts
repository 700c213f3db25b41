import fc from 'fast-check';
import type { ErrorKind } from '../../src/domain/app-error';
import {
  contactChannels,
  followUpReasons,
  moods,
  outreachStates,
  publicRiskLevels,
  severities,
  sources,
  statuses,
} from '../../src/domain/issue';
import type { MutationName } from '../../src/domain/mutation-args';
import { uuidV7 } from '../../src/domain/uuid-v7';
import { anyInstant, instantEnds } from '../device-instants';
import { extremeText, oddities } from './hostile-text';

/**
 * The changes a hostile phone sends, as plans: which issue a change aims at is chosen abstractly
 * ("one I logged", "one of another event", "one that does not exist") and made concrete when the
 * push is built, from the issues that exist by then. So one seed fixes the whole run.
 */

/** Which issue a change aims at. `pick` chooses among the issues of that kind that exist. */
export type Target =
  | { kind: 'fresh' }
  | { kind: 'mine'; pick: number }
  | { kind: 'honest'; pick: number }
  | { kind: 'pile' }
  | { kind: 'missing'; id: string }
  | { kind: 'elsewhere'; pick: number };

export type MutationUuidPlan =
  | { kind: 'fresh' }
  | { kind: 'odd'; text: string }
  /** The id of a change already stored (its own, or an honest phone's). */
  | { kind: 'reused'; pick: number };

export interface ChangePlan {
  name: MutationName;
  target: Target;
  /** The arguments without the issue id, which the target supplies. */
  args: Record<string, unknown>;
  /** For createIssue: the event it claims to belong to. */
  eventId?: 'own' | 'other' | 'unknown';
  createdAt: string;
  actor: { id: string; name: string };
  baseVersion: 'zero' | 'stale' | 'huge' | number;
  mutationUuid: MutationUuidPlan;
  /** One argument over its limit: refused by the server, change by change. */
  overlong: boolean;
}

const honestNames = ['Ana', 'Ben', 'Jo', 'Organizer', 'staff-Ana'];
const uuidArb = fc
  .uint8Array({ minLength: 10, maxLength: 10 })
  .chain((bytes) => fc.integer({ min: 0, max: 2 ** 40 }).map((ms) => uuidV7(Date.UTC(2026, 0, 1) + ms, bytes)));

const moodArb = fc.option(fc.constantFrom(...moods), { nil: null });
const personArb = fc.oneof(
  fc.record({ id: extremeText({ max: 100, required: true }), name: extremeText({ max: 100, required: true }) }),
  fc.constantFrom(...honestNames).map((name) => ({ id: `staff-${name}`, name })),
);
/** Who a change claims to be by: taken as sent by the schema (no trimming), signed by the server. */
const actorArb = fc.oneof(
  fc.record({
    id: extremeText({ max: 100, required: true, padded: false }),
    name: extremeText({ max: 100, required: true, padded: false }),
  }),
  fc.constantFrom(...honestNames).map((name) => ({ id: `staff-${name}`, name })),
);
const linkArb = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    'https://social.example/post/1',
    'javascript:alert(1)',
    'data:text/html,<b>hi</b>',
    'http://[::1]:8080/',
    'https://xn--bcher-kva.example/ä?q=👍🏽#%00',
  ),
  fc.integer({ min: 20, max: 500 }).map((n) => `https://example.org/${'a'.repeat(n - 20)}`),
);
const emailArb = fc.constantFrom(
  '',
  'robin@example.org',
  `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.org`,
  'a+tag@sub.example.co.uk',
  "o'neil@example.org",
);
const phoneArb = fc.oneof(
  fc.constantFrom('', '+31 6 1234 5678', '(0)20-123.456', `+${'9'.repeat(39)}`, '\u2028+31\u00A0612\u2029'),
  fc
    .array(fc.constantFrom('+', '1', ' ', '(', ')', '-', '.', '\u00A0', '\u3000', '\u2028', '\t'), { maxLength: 40 })
    .map((c) => c.join('')),
);

const attendeeArb = fc.record(
  {
    name: extremeText({ max: 120 }),
    email: emailArb,
    phone: phoneArb,
    ticketId: extremeText({ max: 80 }),
    preferredChannel: fc.option(fc.constantFrom(...contactChannels), { nil: null }),
  },
  { requiredKeys: [] },
);

const zoneIdArb = fc.oneof(
  fc.constant(null),
  fc.constantFrom('main-stage', 'food-court'),
  extremeText({ max: 60, required: true }),
);

const fieldsArb = fc.record(
  {
    source: fc.record({ kind: fc.constantFrom(...sources), link: linkArb }, { requiredKeys: ['kind'] }),
    category: extremeText({ max: 60, required: true }),
    severity: fc.constantFrom(...severities),
    zoneId: zoneIdArb,
    location: extremeText({ max: 200 }),
    summary: extremeText({ max: 200, required: true }),
    details: extremeText({ max: 4000 }),
    attendee: attendeeArb,
    consentGiven: fc.boolean(),
    moodAtIntake: moodArb,
    tags: fc.array(extremeText({ max: 40, required: true }), { maxLength: 20 }),
  },
  { requiredKeys: [] },
);

const riskArb = fc.record(
  { level: fc.constantFrom(...publicRiskLevels), link: linkArb, escalateToComms: fc.boolean() },
  { requiredKeys: ['level'] },
);

/** Keys the schemas do not know ride along; they are dropped, never stored. */
const strayKeysArb = fc.option(
  fc.dictionary(
    // Not "__proto__": the server's JSON parser refuses prototype poisoning for the whole push.
    fc.constantFrom(...oddities.filter((key) => key !== '__proto__'), 'role', 'eventId', 'isAdmin'),
    extremeText({ max: 20 }),
    { maxKeys: 3 },
  ),
  { nil: undefined, freq: 8 },
);

const issueTarget: fc.Arbitrary<Target> = fc.oneof(
  { weight: 10, arbitrary: fc.nat().map((pick) => ({ kind: 'mine' as const, pick })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'honest' as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pile' as const }) },
  { weight: 1, arbitrary: uuidArb.map((id) => ({ kind: 'missing' as const, id })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'elsewhere' as const, pick })) },
);

type ArgsAndTarget = Pick<ChangePlan, 'name' | 'args' | 'target'> & { eventId?: ChangePlan['eventId'] };

const on = (name: MutationName, args: fc.Arbitrary<Record<string, unknown>>, target = issueTarget) =>
  fc.record({ name: fc.constant(name), args, target }) as fc.Arbitrary<ArgsAndTarget>;

const createArb: fc.Arbitrary<ArgsAndTarget> = fc
  .record({
    fields: fieldsArb,
    category: extremeText({ max: 60, required: true }),
    summary: extremeText({ max: 200, required: true }),
    publicRisk: fc.option(riskArb, { nil: undefined }),
    target: fc.oneof({ weight: 12, arbitrary: fc.constant<Target>({ kind: 'fresh' }) }, { weight: 1, arbitrary: issueTarget }),
    eventId: fc.constantFrom<'own' | 'other' | 'unknown'>('own', 'own', 'own', 'own', 'own', 'own', 'other', 'unknown'),
  })
  .map(({ fields, category, summary, publicRisk, target, eventId }) => ({
    name: 'createIssue' as const,
    target,
    eventId,
    args: { ...fields, category, summary, ...(publicRisk ? { publicRisk } : {}) },
  }));

/** The arguments of every named change, as the schemas in src/domain/mutation-args.ts allow them. */
const changeArb: fc.Arbitrary<ArgsAndTarget> = fc.oneof(
  { weight: 14, arbitrary: createArb },
  { weight: 8, arbitrary: on('updateFields', fc.record({ fields: fieldsArb })) },
  {
    weight: 10,
    arbitrary: on(
      'setStatus',
      fc.record(
        {
          status: fc.constantFrom(...statuses),
          resolution: extremeText({ max: 2000 }),
          moodAtClose: moodArb,
        },
        { requiredKeys: ['status'] },
      ),
    ),
  },
  { weight: 4, arbitrary: on('assignOwner', fc.record({ owner: personArb })) },
  {
    weight: 4,
    arbitrary: on('handOver', fc.record({ to: personArb, note: extremeText({ max: 1000, required: true }) })),
  },
  { weight: 20, arbitrary: on('addNote', fc.record({ text: extremeText({ max: 4000, required: true }) })) },
  { weight: 3, arbitrary: on('recordToldAttendee', fc.record({ text: extremeText({ max: 2000, required: true }) })) },
  {
    weight: 3,
    arbitrary: on('setMood', fc.record({ stage: fc.constantFrom('intake', 'close'), mood: moodArb })),
  },
  { weight: 3, arbitrary: on('flagPublicRisk', riskArb) },
  {
    weight: 4,
    arbitrary: on(
      'setFollowUp',
      fc.record(
        {
          needed: fc.boolean(),
          dueAt: fc.option(fc.oneof(anyInstant, instantEnds), { nil: null }),
          channel: fc.option(fc.constantFrom(...contactChannels), { nil: null }),
          reason: fc.option(fc.constantFrom(...followUpReasons), { nil: null }),
        },
        { requiredKeys: ['needed'] },
      ),
    ),
  },
  { weight: 4, arbitrary: on('setOutreach', fc.record({ outreach: fc.constantFrom(...outreachStates) })) },
  {
    weight: 2,
    arbitrary: on(
      'changeEventSettings',
      fc.record(
        {
          name: extremeText({ max: 100, required: true }),
          timezone: fc.constantFrom(
            'Europe/Amsterdam',
            'Pacific/Kiritimati',
            'Pacific/Pago_Pago',
            'America/St_Johns',
            'Asia/Kathmandu',
            'Etc/GMT-14',
            'Etc/GMT+12',
            'utc',
            'europe/amsterdam',
            'US/Pacific-New',
            'EST5EDT',
          ),
          dayStartsAt: fc.constantFrom('00:00', '23:59', '06:00', '12:30', '02:30'),
          responseTargets: fc.record(
            Object.fromEntries(severities.map((s) => [s, fc.option(fc.constantFrom(1, 24 * 60, 7), { nil: null })])) as Record<
              (typeof severities)[number],
              fc.Arbitrary<number | null>
            >,
          ),
        },
        { requiredKeys: [] },
      ),
      fc.constant<Target>({ kind: 'fresh' }),
    ),
  },
  {
    weight: 1,
    arbitrary: on(
      'setZones',
      fc
        .uniqueArray(
          fc.record({ id: extremeText({ max: 60, required: true }), name: extremeText({ max: 60, required: true }) }),
          { maxLength: 200, selector: (z) => z.id.trim(), comparator: 'IsStrictlyEqual' },
        )
        // The zones issues are filed under stay, so the change is not refused for removing them.
        .map((zones) => ({
          zones: [{ id: 'main-stage', name: 'Main stage' }, { id: 'food-court', name: 'Food court' }, ...zones],
        })),
      fc.constant<Target>({ kind: 'fresh' }),
    ),
  },
);

/** Fields whose limit a change may break by one, to be refused by the server. */
const overlongArgs: Partial<Record<MutationName, [string, number]>> = {
  createIssue: ['summary', 200],
  addNote: ['text', 4000],
  handOver: ['note', 1000],
  recordToldAttendee: ['text', 2000],
  setStatus: ['resolution', 2000],
};

export const changePlanArb: fc.Arbitrary<ChangePlan> = fc
  .record({
    change: changeArb,
    createdAt: anyInstant,
    actor: actorArb,
    baseVersion: fc.oneof(
      { weight: 4, arbitrary: fc.constant('zero' as const) },
      { weight: 2, arbitrary: fc.constant('stale' as const) },
      { weight: 1, arbitrary: fc.constant('huge' as const) },
      { weight: 2, arbitrary: fc.nat(5000) },
    ),
    mutationUuid: fc.oneof(
      { weight: 12, arbitrary: fc.constant<MutationUuidPlan>({ kind: 'fresh' }) },
      {
        weight: 1,
        arbitrary: extremeText({ max: 100, required: true, padded: false }).map((text) => ({ kind: 'odd' as const, text })),
      },
      { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'reused' as const, pick })) },
    ),
    // 1 in 40 changes breaks a limit by one character.
    overlong: fc.integer({ min: 0, max: 39 }).map((n) => n === 0),
    strayKeys: strayKeysArb,
    overlongUnit: fc.constantFrom('x', '👍🏽', 'é'),
  })
  .map(({ change, createdAt, actor, baseVersion, mutationUuid, overlong, strayKeys, overlongUnit }) => {
    const limit = overlongArgs[change.name];
    const breaks = overlong && limit !== undefined;
    const args = { ...(strayKeys ?? {}), ...change.args };
    if (breaks) args[limit[0]] = `${'y'.repeat(limit[1])}${overlongUnit}`;
    return {
      name: change.name,
      target: change.target,
      ...(change.eventId ? { eventId: change.eventId } : {}),
      args,
      createdAt,
      actor,
      baseVersion,
      mutationUuid,
      overlong: breaks,
    };
  });

/** What may come back for a change: 'applied' (not refused) or the kind of its refusal. */
export type Outcome = 'applied' | ErrorKind;
