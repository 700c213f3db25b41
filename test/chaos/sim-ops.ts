import {
  type ContactChannel,
  contactChannels,
  type Mood,
  moods,
  type OutreachState,
  outreachStates,
  type PublicRiskLevel,
  publicRiskLevels,
  type Severity,
  type Status,
  severities,
  statuses,
} from '../../src/domain/issue';
import type { MutationName } from '../../src/domain/mutation-args';

/**
 * What simulated staff do to issues, as plain data: fast-check generates these in the merge
 * property test, a seeded random source in the chaos run. Choices come from small sets on
 * purpose, so that devices often set the same field to the same or different values.
 */
export const people = [
  { id: 'staff-ana', name: 'Ana' },
  { id: 'staff-ben', name: 'Ben' },
  { id: 'staff-cy', name: 'Cy' },
] as const;

export const editedFields = ['severity', 'summary', 'location', 'details', 'tags', 'zone'] as const;
export type EditedField = (typeof editedFields)[number];

export type Op =
  | { kind: 'create'; issueId: string; severity: Severity; attendee: number; consent: boolean; risk: PublicRiskLevel }
  | { kind: 'note'; issueId: string }
  | { kind: 'told'; issueId: string }
  | { kind: 'status'; issueId: string; status: Status; withResolution: boolean; mood: Mood | null }
  | { kind: 'owner'; issueId: string; person: number }
  | { kind: 'handOver'; issueId: string; person: number }
  | { kind: 'field'; issueId: string; field: EditedField; choice: number }
  /** Part of the attendee's contact details, which staff phones do not see on others' issues. */
  | { kind: 'contact'; issueId: string; choice: number }
  | { kind: 'consent'; issueId: string; given: boolean }
  | { kind: 'followUp'; issueId: string; needed: boolean; withDueDate: boolean; channel: ContactChannel | null }
  | { kind: 'outreach'; issueId: string; outreach: OutreachState }
  | { kind: 'mood'; issueId: string; stage: 'intake' | 'close'; mood: Mood | null }
  | { kind: 'risk'; issueId: string; level: PublicRiskLevel; escalate: boolean };
export type OpKind = Op['kind'];

export interface PlannedChange {
  name: MutationName;
  args: unknown;
  /**
   * True when the server cannot treat this change as a no-op, so it must leave exactly one trace:
   * a timeline entry under its mutation id, a conflict entry, or a rejection. Changes to a value
   * someone else may already have set (a status, an owner) can be no-ops and leave none.
   */
  leavesTrace: boolean;
  /** The note typed, for addNote. */
  noteText?: string;
}

const attendees = [
  { name: 'Bob', email: 'bob@example.org' },
  { name: 'Ana', email: '' },
  { name: '', email: '' },
] as const;
const contactChanges = [
  { name: 'Bob' },
  { name: 'Ana' },
  { email: 'bob@example.org' },
  { phone: '+31 6 1234 5678' },
  { phone: '' },
  { preferredChannel: 'sms' },
] as const;
const summaries = ['Lost phone', 'Lost wallet', 'Needs first aid'] as const;
const locations = ['Gate A', 'Bar 2', ''] as const;
const tagSets = [['lost'], ['lost', 'phone'], []] as const;
const zones = [null, 'main-stage', 'food-court'] as const;

const pick = <T>(items: readonly T[], choice: number): T => items[Math.abs(choice) % items.length]!;

/**
 * The named mutation for an operation. `unique` is a number no other change in the run uses:
 * texts, resolutions and due dates built from it can never equal what is already stored.
 */
export function changeFor(op: Op, unique: number, eventId: string): PlannedChange {
  const issueId = op.issueId;
  switch (op.kind) {
    case 'create': {
      const attendee = pick(attendees, op.attendee);
      return {
        name: 'createIssue',
        args: {
          id: issueId,
          eventId,
          category: 'lost-property',
          summary: `Issue ${unique}`,
          severity: op.severity,
          attendee: { name: attendee.name, email: attendee.email },
          consentGiven: op.consent,
          ...(op.risk === 'none' ? {} : { publicRisk: { level: op.risk } }),
        },
        leavesTrace: true,
      };
    }
    case 'note': {
      const text = `Note ${unique}`;
      return { name: 'addNote', args: { issueId, text }, leavesTrace: true, noteText: text };
    }
    case 'told':
      return { name: 'recordToldAttendee', args: { issueId, text: `Told them ${unique}` }, leavesTrace: true };
    case 'status':
      return {
        name: 'setStatus',
        args: {
          issueId,
          status: op.status,
          ...(op.withResolution ? { resolution: `Resolution ${unique}` } : {}),
          ...(op.mood === null ? {} : { moodAtClose: op.mood }),
        },
        leavesTrace: op.withResolution,
      };
    case 'owner':
      return { name: 'assignOwner', args: { issueId, owner: pick(people, op.person) }, leavesTrace: false };
    case 'handOver':
      return {
        name: 'handOver',
        args: { issueId, to: pick(people, op.person), note: `Handover ${unique}` },
        leavesTrace: true,
      };
    case 'field':
      return {
        name: 'updateFields',
        args: { issueId, fields: fieldChange(op.field, op.choice, unique) },
        leavesTrace: op.field === 'details',
      };
    case 'contact':
      return {
        name: 'updateFields',
        args: { issueId, fields: { attendee: { ...pick(contactChanges, op.choice) } } },
        leavesTrace: false,
      };
    case 'consent':
      return { name: 'updateFields', args: { issueId, fields: { consentGiven: op.given } }, leavesTrace: false };
    case 'followUp':
      return {
        name: 'setFollowUp',
        args: {
          issueId,
          needed: op.needed,
          channel: op.channel,
          ...(op.withDueDate ? { dueAt: new Date(Date.UTC(2026, 6, 11) + unique * 1000).toISOString() } : {}),
        },
        leavesTrace: op.withDueDate,
      };
    case 'outreach':
      return { name: 'setOutreach', args: { issueId, outreach: op.outreach }, leavesTrace: false };
    case 'mood':
      return { name: 'setMood', args: { issueId, stage: op.stage, mood: op.mood }, leavesTrace: false };
    case 'risk':
      return {
        name: 'flagPublicRisk',
        args: { issueId, level: op.level, link: `https://social.example/post/${unique}`, escalateToComms: op.escalate },
        leavesTrace: true,
      };
  }
}

function fieldChange(field: EditedField, choice: number, unique: number): Record<string, unknown> {
  switch (field) {
    case 'severity':
      return { severity: pick(severities, choice) };
    case 'summary':
      return { summary: pick(summaries, choice) };
    case 'location':
      return { location: pick(locations, choice) };
    case 'details':
      return { details: `Details ${unique}` };
    case 'tags':
      return { tags: [...pick(tagSets, choice)] };
    case 'zone':
      return { zoneId: pick(zones, choice) };
  }
}

/** A random operation from a seeded source; `issueId` is chosen by the caller. */
export function randomOp(random: { next(): number; int(min: number, max: number): number }, kind: OpKind, issueId: string): Op {
  const choose = <T>(items: readonly T[]): T => items[random.int(0, items.length - 1)]!;
  const maybeMood = (): Mood | null => (random.next() < 0.3 ? null : choose(moods));
  switch (kind) {
    case 'create':
      return {
        kind,
        issueId,
        severity: choose(severities),
        attendee: random.int(0, 2),
        consent: random.next() < 0.6,
        risk: random.next() < 0.8 ? 'none' : choose(publicRiskLevels),
      };
    case 'note':
    case 'told':
      return { kind, issueId };
    case 'status':
      return { kind, issueId, status: choose(statuses), withResolution: random.next() < 0.6, mood: maybeMood() };
    case 'owner':
    case 'handOver':
      return { kind, issueId, person: random.int(0, people.length - 1) };
    case 'field':
      return { kind, issueId, field: choose(editedFields), choice: random.int(0, 2) };
    case 'contact':
      return { kind, issueId, choice: random.int(0, contactChanges.length - 1) };
    case 'consent':
      return { kind, issueId, given: random.next() < 0.6 };
    case 'followUp':
      return {
        kind,
        issueId,
        needed: random.next() < 0.7,
        withDueDate: random.next() < 0.5,
        channel: random.next() < 0.3 ? null : choose(contactChannels),
      };
    case 'outreach':
      return { kind, issueId, outreach: choose(outreachStates) };
    case 'mood':
      return { kind, issueId, stage: random.next() < 0.5 ? 'intake' : 'close', mood: maybeMood() };
    case 'risk':
      return { kind, issueId, level: choose(publicRiskLevels), escalate: random.next() < 0.3 };
  }
}
