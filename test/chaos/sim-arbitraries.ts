import fc from 'fast-check';
import { contactChannels, moods, outreachStates, publicRiskLevels, severities, statuses } from '../../src/domain/issue';
import { uuidV7 } from '../../src/domain/uuid-v7';
import type { Fault } from './sim-device';
import { editedFields, type Op, people } from './sim-ops';

/** fast-check's side of the simulation: the phones, their changes and the schedule the merge property draws. */

/**
 * A few issues every phone works on, so changes to the same issue and field meet often. The
 * first ones are logged and synced before the run; the others are logged during it, sometimes
 * by two phones at once.
 */
export const pool = [0, 1, 2, 3, 4].map((i) => uuidV7(Date.UTC(2026, 6, 10, 12) + i, new Uint8Array(10).fill(0xa0 + i)));
export const loggedBefore = pool.slice(0, 3);

const issueArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...loggedBefore) }, fc.constantFrom(...pool));
const moodArb = fc.option(fc.constantFrom(...moods), { nil: null });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      issueId: fc.constantFrom(...pool.slice(loggedBefore.length)),
      severity: fc.constantFrom(...severities),
      attendee: fc.nat(2),
      consent: fc.boolean(),
      risk: fc.constantFrom(...publicRiskLevels),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('note' as const), issueId: issueArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('told' as const), issueId: issueArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      issueId: issueArb,
      status: fc.constantFrom(...statuses),
      withResolution: fc.boolean(),
      mood: moodArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('owner' as const), issueId: issueArb, person: fc.nat(people.length - 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('handOver' as const), issueId: issueArb, person: fc.nat(people.length - 1) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('field' as const),
      issueId: issueArb,
      field: fc.constantFrom(...editedFields),
      choice: fc.nat(2),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('contact' as const), issueId: issueArb, choice: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('consent' as const), issueId: issueArb, given: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('followUp' as const),
      issueId: issueArb,
      needed: fc.boolean(),
      withDueDate: fc.boolean(),
      channel: fc.option(fc.constantFrom(...contactChannels), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('outreach' as const),
      issueId: issueArb,
      outreach: fc.constantFrom(...outreachStates),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('mood' as const),
      issueId: issueArb,
      stage: fc.constantFrom('intake' as const, 'close' as const),
      mood: moodArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('risk' as const),
      issueId: issueArb,
      level: fc.constantFrom(...publicRiskLevels),
      escalate: fc.boolean(),
    }),
  },
);

const faultsArb = fc.array(
  fc.constantFrom<Fault>('ok', 'ok', 'offline', 'dropRequest', 'dropResponse', 'dropResponse', 'duplicate', 'duplicateParallel'),
  { maxLength: 4 },
);

export type Step =
  | { kind: 'op'; device: number }
  | { kind: 'sync'; device: number; faults: Fault[] }
  /** The person keeps typing while their phone syncs. */
  | { kind: 'syncWhileTyping'; device: number; ops: number; faults: Fault[] }
  /** Several phones sync at the same moment (signal comes back in the tent). */
  | { kind: 'syncTogether'; devices: number[]; faults: Fault[] };

const deviceArb = fc.nat(4);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('op' as const), device: deviceArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device: deviceArb, faults: faultsArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('syncWhileTyping' as const),
      device: deviceArb,
      ops: fc.integer({ min: 1, max: 3 }),
      faults: faultsArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('syncTogether' as const),
      devices: fc.uniqueArray(deviceArb, { minLength: 2, maxLength: 5 }),
      faults: faultsArb,
    }),
  },
);

const phoneArb = fc.record({
  role: fc.constantFrom('staff' as const, 'coordinator' as const),
  batchSize: fc.integer({ min: 1, max: 4 }),
  pageSize: fc.integer({ min: 1, max: 4 }),
  clockSkewHours: fc.integer({ min: -6, max: 6 }),
  ops: fc.array(opArb, { maxLength: 14 }),
});

const createArb = fc.record({
  severity: fc.constantFrom(...severities),
  attendee: fc.nat(2),
  consent: fc.boolean(),
  risk: fc.constantFrom(...publicRiskLevels),
  by: deviceArb,
});

export const scenarioArb = fc.record({
  phones: fc.array(phoneArb, { minLength: 3, maxLength: 5 }),
  loggedBefore: fc.tuple(createArb, createArb, createArb),
  steps: fc.array(stepArb, { maxLength: 40 }),
});
export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;
