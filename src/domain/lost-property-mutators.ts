import { AppError } from './app-error';
import type { Issue } from './issue';
import { type ItemState, itemCategoryLabels, type LostProperty } from './lost-property';
import type { MutationArgs } from './mutation-args';
import { entry, type MutationContext, withEntries, withEntry } from './mutation-context';

/** States after which a found item is no longer at the desk. */
const gone: readonly ItemState[] = ['handed_back', 'posted', 'disposed'];

function lostPropertyOf(issue: Issue): LostProperty {
  if (!issue.lostProperty) throw new AppError('invalid', 'This issue is not a found item or a lost report.');
  return issue.lostProperty;
}

function foundItemOf(issue: Issue, doing: string): LostProperty {
  const item = lostPropertyOf(issue);
  if (item.kind !== 'found') throw new AppError('invalid', `Only a found item can be ${doing}; this is a lost report.`);
  if (gone.includes(item.state)) {
    throw new AppError('invalid-transition', `This item was already ${item.state.replace('_', ' ')}, so it cannot be ${doing}.`);
  }
  return item;
}

export function describeItem(lost: LostProperty): string {
  const words = [lost.item.colour, lost.item.brand].filter((word) => word !== '').join(' ');
  const what = itemCategoryLabels[lost.item.category].toLowerCase();
  return words ? `${what} (${words})` : what;
}

/** The lost-property part of a new issue, and its first custody entries. */
export function withLostProperty(issue: Issue, args: MutationArgs<'createIssue'>['lostProperty'], ctx: MutationContext): Issue {
  if (!args) return issue;
  const storage = args.kind === 'found' ? (args.storage ?? '') : '';
  const lostProperty: LostProperty = {
    kind: args.kind,
    item: args.item,
    place: args.place,
    at: args.at,
    storage,
    state: args.kind === 'found' && storage !== '' ? 'stored' : 'reported',
    matchedWith: null,
    handback: null,
    disposal: null,
  };
  const first =
    args.kind === 'found'
      ? entry(ctx, 'fields', `Found: ${describeItem(lostProperty)}${args.place ? ` at ${args.place}` : ''}`, {
          custody: 'found',
          idSuffix: 'found',
        })
      : entry(ctx, 'fields', `Reported lost: ${describeItem(lostProperty)}`, { custody: 'reported_lost', idSuffix: 'lost' });
  const entries = [first];
  if (storage) entries.push(entry(ctx, 'fields', `Stored in ${storage}`, { custody: 'stored', idSuffix: 'stored' }));
  return withEntries({ ...issue, lostProperty }, ctx, entries);
}

function describeItemChange(issue: Issue, args: MutationArgs<'describeItem'>, ctx: MutationContext): Issue {
  const current = lostPropertyOf(issue);
  const next: LostProperty = {
    ...current,
    item: args.item ?? current.item,
    place: args.place ?? current.place,
    at: args.at === undefined ? current.at : args.at,
  };
  if (JSON.stringify(next) === JSON.stringify(current)) return issue;
  return withEntry({ ...issue, lostProperty: next }, ctx, 'fields', 'Changed the item description');
}

function storeItem(issue: Issue, args: MutationArgs<'storeItem'>, ctx: MutationContext): Issue {
  const current = foundItemOf(issue, 'stored');
  if (current.storage === args.storage) return issue;
  const moved = current.storage !== '';
  const next: LostProperty = {
    ...current,
    storage: args.storage,
    state: current.state === 'reported' ? 'stored' : current.state,
  };
  const text = moved ? `Moved from ${current.storage} to ${args.storage}` : `Stored in ${args.storage}`;
  return withEntries({ ...issue, lostProperty: next }, ctx, [
    entry(ctx, 'fields', text, { custody: moved ? 'moved' : 'stored' }),
  ]);
}

function matchItem(issue: Issue, args: MutationArgs<'matchItem'>, ctx: MutationContext): Issue {
  const current = lostPropertyOf(issue);
  if (args.otherId === issue.id) throw new AppError('invalid', 'An item cannot be matched with itself.');
  if (args.matched) {
    if (current.matchedWith === args.otherId) return issue;
    if (gone.includes(current.state) || current.state === 'returned') {
      throw new AppError('invalid-transition', 'This item is no longer at the desk, so it cannot be matched.');
    }
    const next: LostProperty = { ...current, matchedWith: args.otherId, state: 'matched' };
    // The attendee who lost it is told it was found, when they agreed to be contacted.
    const followUp =
      current.kind === 'lost' && issue.consent.given
        ? { ...issue.followUp, needed: true, reason: 'lost_property' as const, outreach: 'pending' as const }
        : issue.followUp;
    const text = current.kind === 'found' ? 'Matched with a lost report' : 'Matched with a found item';
    return withEntries({ ...issue, lostProperty: next, followUp }, ctx, [entry(ctx, 'fields', text, { custody: 'matched' })]);
  }
  if (current.matchedWith !== args.otherId) return issue;
  if (current.state !== 'matched') throw new AppError('invalid-transition', 'This match was already acted on.');
  const next: LostProperty = {
    ...current,
    matchedWith: null,
    state: current.kind === 'found' && current.storage !== '' ? 'stored' : 'reported',
  };
  return withEntries({ ...issue, lostProperty: next }, ctx, [
    entry(ctx, 'fields', 'Match undone: not the same item', { custody: 'unmatched' }),
  ]);
}

function resolved(issue: Issue, resolution: string, ctx: MutationContext): Issue {
  const done = issue.status === 'closed' || issue.status === 'resolved';
  return {
    ...issue,
    status: done ? issue.status : 'resolved',
    resolution: issue.resolution || resolution,
    firstResponseAt: issue.firstResponseAt ?? ctx.now,
    resolvedAt: issue.resolvedAt ?? ctx.now,
  };
}

function handBackItem(issue: Issue, args: MutationArgs<'handBackItem'>, ctx: MutationContext): Issue {
  const current = foundItemOf(issue, 'handed back');
  const by = { id: ctx.actor.id, name: ctx.actor.name };
  const { issueId: _, ...given } = args;
  const next: LostProperty = { ...current, state: 'handed_back', handback: { ...given, by, at: ctx.now } };
  const how = args.confirmation.kind === 'signature' ? 'signed' : 'confirmed in writing';
  const text = `Handed back to ${args.collectedBy} (ID checked: ${args.idKind.replaceAll('_', ' ')} ending ${args.idLast4}; ${how})`;
  return withEntries(resolved({ ...issue, lostProperty: next }, `Handed back to ${args.collectedBy}.`, ctx), ctx, [
    entry(ctx, 'status', text, { custody: 'handed_back' }),
  ]);
}

function recordItemReturned(issue: Issue, args: MutationArgs<'recordItemReturned'>, ctx: MutationContext): Issue {
  const current = lostPropertyOf(issue);
  if (current.kind !== 'lost') throw new AppError('invalid', 'Only a lost report can be marked returned.');
  if (current.state === 'returned') return issue;
  const next: LostProperty = { ...current, state: 'returned', matchedWith: args.foundId };
  // They have it back: nobody needs to tell them it was found.
  const followUp =
    issue.followUp.needed && issue.followUp.reason === 'lost_property'
      ? { ...issue.followUp, outreach: 'done' as const }
      : issue.followUp;
  return withEntries(resolved({ ...issue, lostProperty: next, followUp }, 'Item handed back to its owner.', ctx), ctx, [
    entry(ctx, 'status', 'Item returned to its owner', { custody: 'returned' }),
  ]);
}

function disposeItem(issue: Issue, args: MutationArgs<'disposeItem'>, ctx: MutationContext): Issue {
  const current = foundItemOf(issue, args.how);
  const by = { id: ctx.actor.id, name: ctx.actor.name };
  const next: LostProperty = { ...current, state: args.how, disposal: { how: args.how, note: args.note, by, at: ctx.now } };
  const text = args.how === 'posted' ? 'Posted to its owner' : 'Disposed of after the keeping period';
  const resolution = args.how === 'posted' ? 'Posted to its owner.' : 'Disposed of after the keeping period.';
  return withEntries(resolved({ ...issue, lostProperty: next }, resolution, ctx), ctx, [
    entry(ctx, 'status', text, { custody: args.how, note: args.note }),
  ]);
}

export const lostPropertyMutators = {
  describeItem: describeItemChange,
  storeItem,
  matchItem,
  handBackItem,
  recordItemReturned,
  disposeItem,
};
