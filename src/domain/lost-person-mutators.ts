import type { Issue } from './issue';
import type { LostPersonCase } from './lost-person';
import type { MutationArgs } from './mutation-args';
import { entry, type MutationContext, withEntries } from './mutation-context';
import { ownResolution } from './own-resolution';
import { code, say } from './phrase';
import { refusal } from './refusal';

function caseOf(issue: Issue): LostPersonCase {
  if (!issue.lostPerson) throw refusal('invalid', say('This issue is not a lost person case.'));
  return issue.lostPerson;
}

/** The lost-person part of a new issue. */
export function withLostPerson(issue: Issue, args: MutationArgs<'createIssue'>['lostPerson'], ctx: MutationContext): Issue {
  if (!args) return issue;
  const lostPerson: LostPersonCase = { description: args, state: 'missing', foundAt: null, foundWhere: '', reunion: null };
  return withEntries({ ...issue, lostPerson }, ctx, [
    // The description stays in its own field, which phones stop receiving when the case ends;
    // the timeline, kept everywhere, only says that there was one.
    entry(ctx, 'fields', say('Lost person reported, with a description for everyone on duty'), { idSuffix: 'lost-person' }),
  ]);
}

function describeLostPerson(issue: Issue, args: MutationArgs<'describeLostPerson'>, ctx: MutationContext): Issue {
  const current = caseOf(issue);
  if (current.state === 'reunited') throw refusal('invalid-transition', say('This person was already reunited.'));
  if (JSON.stringify(current.description) === JSON.stringify(args.description)) return issue;
  return withEntries({ ...issue, lostPerson: { ...current, description: args.description } }, ctx, [
    entry(ctx, 'fields', say('Changed the description of the lost person')),
  ]);
}

function markPersonFound(issue: Issue, args: MutationArgs<'markPersonFound'>, ctx: MutationContext): Issue {
  const current = caseOf(issue);
  if (current.state !== 'missing') {
    const already = current.state === 'found' ? say('This person is already found.') : say('This person is already reunited.');
    throw refusal('invalid-transition', already);
  }
  const next: Issue = {
    ...issue,
    lostPerson: { ...current, state: 'found', foundAt: ctx.now, foundWhere: args.where },
    firstResponseAt: issue.firstResponseAt ?? ctx.now,
    status: issue.status === 'open' ? 'in_progress' : issue.status,
  };
  return withEntries(next, ctx, [entry(ctx, 'status', say('Found: now at {place}', { place: args.where }))]);
}

function reunitePerson(issue: Issue, args: MutationArgs<'reunitePerson'>, ctx: MutationContext): Issue {
  const current = caseOf(issue);
  if (current.state === 'reunited') return issue;
  const { issueId: _, ...given } = args;
  const reunion = { ...given, by: { id: ctx.actor.id, name: ctx.actor.name }, at: ctx.now };
  const next: Issue = {
    ...issue,
    lostPerson: { ...current, state: 'reunited', foundAt: current.foundAt ?? ctx.now, reunion },
    status: 'resolved',
    ...ownResolution(issue, say('Reunited.')),
    firstResponseAt: issue.firstResponseAt ?? ctx.now,
    resolvedAt: issue.resolvedAt ?? ctx.now,
  };
  // Who collected them stays in the reunion record, which phones stop receiving now the case is
  // finished; the timeline, kept everywhere, says only that an ID was checked.
  const idKind = code('idKind', args.idKind);
  const said = args.relation
    ? say('Reunited with the person collecting them ({relation}); their {idKind} was checked', {
        relation: args.relation,
        idKind,
      })
    : say('Reunited with the person collecting them; their {idKind} was checked', { idKind });
  return withEntries(next, ctx, [entry(ctx, 'status', said)]);
}

export const lostPersonMutators = { describeLostPerson, markPersonFound, reunitePerson };
