import type { $ZodType } from 'zod/v4/core';
import { alertMutators } from './alert-mutators';
import { AppError } from './app-error';
import { type Attendee, type Issue, moods, type PersonRef, type PublicRisk, type PublicRiskLevel } from './issue';
import { lostPersonMutators, withLostPerson } from './lost-person-mutators';
import { lostPropertyMutators, withLostProperty } from './lost-property-mutators';
import type { MergedField } from './merged-fields';
import {
  type EditableFields,
  type IssueMutationName,
  isIssueMutation,
  issueMutationArgSchemas,
  type MutationArgs,
} from './mutation-args';
import { type MutationContext, withEntry } from './mutation-context';
import { photoMutators } from './photo-mutators';
import { code, type Phrase, say } from './phrase';
import { refusal } from './refusal';
import { sameValue } from './same-value';
import { assertTransition, finishingStatuses } from './status-flow';
import { parseOrThrow } from './validation';

export type { MutationContext } from './mutation-context';

/**
 * Notes one issue keeps. Every change to an issue rewrites it whole, on the server and on every
 * phone; a thousand notes of the longest kind are 4 MB, which a cheap phone still handles.
 */
export const maxNotesPerIssue = 1000;

function countNotes(issue: Issue): number {
  let count = 0;
  for (const entry of issue.timeline) if (entry.kind === 'note') count += 1;
  return count;
}

/** The edit form's consent checkbox sets the issue's consent field. */
const fieldOf = (field: keyof EditableFields): MergedField => (field === 'consentGiven' ? 'consent' : field);

const emptyAttendee: Attendee = { name: '', email: '', phone: '', ticketId: '', preferredChannel: null };

function applyFields(issue: Issue, fields: EditableFields, now: string): { issue: Issue; changed: MergedField[] } {
  const next: Issue = { ...issue };
  const changed: MergedField[] = [];
  const set = <K extends keyof Issue>(key: K, value: Issue[K], label: keyof EditableFields) => {
    if (sameValue(next[key], value)) return;
    next[key] = value;
    if (!changed.includes(fieldOf(label))) changed.push(fieldOf(label));
  };
  if (fields.source) set('source', { kind: fields.source.kind, link: fields.source.link ?? '' }, 'source');
  if (fields.category !== undefined) set('category', fields.category, 'category');
  if (fields.severity !== undefined) set('severity', fields.severity, 'severity');
  if (fields.zoneId !== undefined) set('zoneId', fields.zoneId, 'zoneId');
  if (fields.location !== undefined) set('location', fields.location, 'location');
  if (fields.summary !== undefined) set('summary', fields.summary, 'summary');
  if (fields.details !== undefined) set('details', fields.details, 'details');
  if (fields.attendee) {
    const a = fields.attendee;
    const current = next.attendee;
    // '' clears it; left out keeps it. Absent rather than empty, like issues logged before it was asked.
    const language = a.language ?? current.language;
    set(
      'attendee',
      {
        name: a.name ?? current.name,
        email: a.email ?? current.email,
        phone: a.phone ?? current.phone,
        ticketId: a.ticketId ?? current.ticketId,
        preferredChannel: a.preferredChannel === undefined ? current.preferredChannel : a.preferredChannel,
        ...(language ? { language } : {}),
      },
      'attendee',
    );
  }
  if (fields.consentGiven !== undefined && fields.consentGiven !== next.consent.given) {
    // The time of consent is the time it was recorded, so a later "no" is just as visible.
    set('consent', { given: fields.consentGiven, at: fields.consentGiven ? now : null }, 'consentGiven');
  }
  if (fields.moodAtIntake !== undefined) set('moodAtIntake', fields.moodAtIntake, 'moodAtIntake');
  if (fields.tags !== undefined) set('tags', [...new Set(fields.tags)], 'tags');
  return { issue: next, changed };
}

function createIssue(existing: Issue | undefined, args: MutationArgs<'createIssue'>, ctx: MutationContext): Issue {
  if (existing) throw refusal('invalid', say('This issue was already saved.'));
  const reporter: PersonRef = { id: ctx.actor.id, name: ctx.actor.name };
  const blank: Issue = {
    id: args.id,
    eventId: args.eventId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    reportedBy: reporter,
    source: { kind: 'in_person', link: '' },
    category: args.category,
    severity: 'medium',
    zoneId: null,
    location: '',
    summary: args.summary,
    details: '',
    attendee: emptyAttendee,
    consent: { given: false, at: null },
    moodAtIntake: null,
    moodAtClose: null,
    publicRisk: { level: 'none', link: '', escalatedToComms: false, escalatedAt: null },
    status: 'open',
    owner: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    followUp: { needed: false, dueAt: null, channel: null, reason: null, outreach: 'pending' },
    resolution: '',
    toldAttendee: '',
    tags: [],
    timeline: [],
  };
  const { issue } = applyFields(blank, args, ctx.now);
  const withRisk = args.publicRisk
    ? { ...issue, publicRisk: publicRiskAfter(issue.publicRisk, args.publicRisk, ctx.now) }
    : issue;
  const name = ctx.actor.name;
  const said =
    withRisk.publicRisk.level !== 'none'
      ? say('Logged by {name}; {risk}', { name, risk: publicRiskPhrase(withRisk.publicRisk) })
      : say('Logged by {name}', { name });
  const created = withEntry(withRisk, ctx, 'created', said);
  return withLostPerson(withLostProperty(created, args.lostProperty, ctx), args.lostPerson, ctx);
}

function updateFields(issue: Issue, args: MutationArgs<'updateFields'>, ctx: MutationContext): Issue {
  const { issue: next, changed } = applyFields(issue, args.fields, ctx.now);
  if (changed.length === 0) return issue;
  return withEntry(next, ctx, 'fields', say('Changed {fields}', { fields: changed.map((field) => code('field', field)) }));
}

function setStatus(issue: Issue, args: MutationArgs<'setStatus'>, ctx: MutationContext): Issue {
  const resolution = args.resolution !== undefined && args.resolution !== '' ? args.resolution : issue.resolution;
  assertTransition(issue.status, args.status, resolution);
  const moodAtClose = args.moodAtClose === undefined ? issue.moodAtClose : args.moodAtClose;
  if (args.status === issue.status && resolution === issue.resolution && moodAtClose === issue.moodAtClose) return issue;
  const finishing = finishingStatuses.includes(args.status);
  const next: Issue = {
    ...issue,
    status: args.status,
    resolution,
    moodAtClose,
    firstResponseAt: issue.firstResponseAt ?? (args.status !== 'open' ? ctx.now : null),
    resolvedAt: finishing ? (issue.resolvedAt ?? ctx.now) : args.status === 'follow_up' ? issue.resolvedAt : null,
    closedAt: args.status === 'closed' ? ctx.now : null,
    followUp: args.status === 'follow_up' ? { ...issue.followUp, needed: true } : issue.followUp,
  };
  const status =
    args.status === issue.status
      ? say('Status stays {status}', { status: code('status', issue.status) })
      : say('Status: {from} → {to}', { from: code('status', issue.status), to: code('status', args.status) });
  const said =
    moodAtClose !== issue.moodAtClose && moodAtClose
      ? say('{status}; attendee left {mood}', { status, mood: code('mood', moodAtClose) })
      : status;
  return withEntry(next, ctx, 'status', said, resolution !== issue.resolution ? resolution : '');
}

function assignOwner(issue: Issue, args: MutationArgs<'assignOwner'>, ctx: MutationContext): Issue {
  if (issue.owner?.id === args.owner.id) return issue;
  const next: Issue = {
    ...issue,
    owner: args.owner,
    firstResponseAt: issue.firstResponseAt ?? ctx.now,
    // Someone owning an open issue is working on it.
    status: issue.status === 'open' ? 'in_progress' : issue.status,
  };
  const said = issue.owner
    ? say('Owner: {from} → {to}', { from: issue.owner.name, to: args.owner.name })
    : say('{name} took ownership', { name: args.owner.name });
  return withEntry(next, ctx, 'owner', said);
}

function handOver(issue: Issue, args: MutationArgs<'handOver'>, ctx: MutationContext): Issue {
  if (issue.owner?.id === args.to.id) {
    throw refusal('invalid-transition', say('{name} already owns this issue.', { name: args.to.name }));
  }
  const next: Issue = {
    ...issue,
    owner: args.to,
    firstResponseAt: issue.firstResponseAt ?? ctx.now,
    status: issue.status === 'open' ? 'in_progress' : issue.status,
  };
  const said = issue.owner
    ? say('Handed over from {from} to {to}', { from: issue.owner.name, to: args.to.name })
    : say('Handed over from nobody to {to}', { to: args.to.name });
  return withEntry(next, ctx, 'handover', said, args.note);
}

function setMood(issue: Issue, args: MutationArgs<'setMood'>, ctx: MutationContext): Issue {
  const key = args.stage === 'intake' ? 'moodAtIntake' : 'moodAtClose';
  if (issue[key] === args.mood) return issue;
  const mood = args.mood ? code('mood', args.mood) : null;
  const said =
    args.stage === 'intake'
      ? mood
        ? say('Mood at intake: {mood}', { mood })
        : say('Mood at intake cleared')
      : mood
        ? say('Mood at close: {mood}', { mood })
        : say('Mood at close cleared');
  return withEntry({ ...issue, [key]: args.mood }, ctx, 'mood', said);
}

function publicRiskAfter(
  current: PublicRisk,
  args: { level: PublicRiskLevel; link?: string | undefined; escalateToComms?: boolean | undefined },
  now: string,
): PublicRisk {
  const escalate = args.level !== 'none' && (args.escalateToComms ?? current.escalatedToComms);
  return {
    level: args.level,
    link: args.link ?? current.link,
    escalatedToComms: escalate,
    escalatedAt: escalate ? (current.escalatedAt ?? now) : null,
  };
}

function publicRiskPhrase(risk: PublicRisk): Phrase {
  const level = code('publicRisk', risk.level);
  return risk.escalatedToComms
    ? say('Public risk: {level} (escalated to comms)', { level })
    : say('Public risk: {level}', { level });
}

function flagPublicRisk(issue: Issue, args: MutationArgs<'flagPublicRisk'>, ctx: MutationContext): Issue {
  const publicRisk = publicRiskAfter(issue.publicRisk, args, ctx.now);
  if (JSON.stringify(publicRisk) === JSON.stringify(issue.publicRisk)) return issue;
  return withEntry({ ...issue, publicRisk }, ctx, 'public-risk', publicRiskPhrase(publicRisk));
}

function setFollowUp(issue: Issue, args: MutationArgs<'setFollowUp'>, ctx: MutationContext): Issue {
  const followUp = {
    ...issue.followUp,
    needed: args.needed,
    dueAt: args.dueAt === undefined ? issue.followUp.dueAt : args.dueAt,
    channel: args.channel === undefined ? issue.followUp.channel : args.channel,
    reason: args.reason === undefined ? issue.followUp.reason : args.reason,
  };
  if (JSON.stringify(followUp) === JSON.stringify(issue.followUp)) return issue;
  const said = args.needed ? say('Follow-up needed') : say('No follow-up needed');
  return withEntry({ ...issue, followUp }, ctx, 'follow-up', said);
}

function setOutreach(issue: Issue, args: MutationArgs<'setOutreach'>, ctx: MutationContext): Issue {
  if (!issue.followUp.needed)
    throw refusal('invalid-transition', say('This issue needs no follow-up, so there is no outreach to record.'));
  if (!issue.consent.given) {
    throw refusal('invalid-transition', say('The attendee did not consent to be contacted, so no outreach may be recorded.'));
  }
  if (issue.followUp.outreach === args.outreach) return issue;
  return withEntry(
    { ...issue, followUp: { ...issue.followUp, outreach: args.outreach } },
    ctx,
    'follow-up',
    say('Outreach: {from} → {to}', { from: code('outreach', issue.followUp.outreach), to: code('outreach', args.outreach) }),
  );
}

function voidIssue(issue: Issue, args: MutationArgs<'voidIssue'>, ctx: MutationContext): Issue {
  if (ctx.actor.role !== 'organizer') throw refusal('forbidden', say('Only an organizer can void an issue.'));
  if (issue.voided) return issue;
  const voided = { at: ctx.now, by: { id: ctx.actor.id, name: ctx.actor.name }, reason: args.reason };
  return withEntry({ ...issue, voided }, ctx, 'status', say('Voided: left every list, count and summary'), args.reason);
}

type Mutator<N extends IssueMutationName> = (issue: Issue, args: MutationArgs<N>, ctx: MutationContext) => Issue;

const mutators: { [N in Exclude<IssueMutationName, 'createIssue'>]: Mutator<N> } = {
  updateFields,
  setStatus,
  assignOwner,
  handOver,
  addNote: (issue, args, ctx) => {
    if (countNotes(issue) >= maxNotesPerIssue) {
      throw refusal(
        'invalid',
        say('This issue already holds {max} notes, the most one issue keeps. Log a new issue and mention this one in it.', {
          max: maxNotesPerIssue,
        }),
      );
    }
    return withEntry(issue, ctx, 'note', say('Note'), args.text);
  },
  recordToldAttendee: (issue, args, ctx) =>
    withEntry({ ...issue, toldAttendee: args.text }, ctx, 'told-attendee', say('Recorded what we told the attendee'), args.text),
  setMood,
  flagPublicRisk,
  setFollowUp,
  setOutreach,
  voidIssue,
  ...photoMutators,
  ...alertMutators,
  ...lostPersonMutators,
  ...lostPropertyMutators,
};

/**
 * Validates a mutation's arguments and applies it to the issue it names. The same function runs
 * on the phone (at once, offline) and on the server (in arrival order). Throws AppError with a
 * kind and a sentence when the arguments or the change are not allowed.
 */
export function applyMutation(issue: Issue | undefined, name: string, rawArgs: unknown, ctx: MutationContext): Issue {
  if (!isIssueMutation(name)) throw new AppError('invalid', `Unknown change "${name}".`);
  const mutationName = name;
  const schema = issueMutationArgSchemas[mutationName] as $ZodType<unknown>;
  const args = parseOrThrow(schema, rawArgs, 'change');
  // Every effective change leaves a timeline entry under its mutation id, so a change that is
  // already in the issue (a resend, or a rebase onto a copy that holds it) is applied once only.
  if (issue?.timeline.some((entry) => entry.id === ctx.mutationUuid)) return issue;
  if (mutationName === 'createIssue') return createIssue(issue, args as MutationArgs<'createIssue'>, ctx);
  if (!issue) throw refusal('not-found', say('This issue is not on this device.'));
  if (issue.voided && mutationName !== 'voidIssue') {
    throw refusal(
      'invalid',
      say('{name} voided this issue ({reason}); it takes no more changes.', {
        name: issue.voided.by.name,
        reason: issue.voided.reason,
      }),
    );
  }
  const mutator = mutators[mutationName] as Mutator<typeof mutationName>;
  return mutator(issue, args as never, ctx);
}

export const moodIndex = (mood: (typeof moods)[number]): number => moods.indexOf(mood);
