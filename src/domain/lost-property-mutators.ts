import type { Issue } from './issue';
import type { ItemDescription, ItemState, LostProperty } from './lost-property';
import type { MutationArgs } from './mutation-args';
import { entry, type MutationContext, withEntries, withEntry } from './mutation-context';
import { ownResolution } from './own-resolution';
import { type Code, code, type Phrase, say } from './phrase';
import { valueText } from './phrase-text';
import { refusal } from './refusal';

/** States after which a found item is no longer at the desk. */
const gone: readonly ItemState[] = ['handed_back', 'posted', 'disposed'];

function lostPropertyOf(issue: Issue): LostProperty {
  if (!issue.lostProperty) throw refusal('invalid', say('This issue is not a found item or a lost report.'));
  return issue.lostProperty;
}

/** What is done to a found item, as a refusal says it ("cannot be handed back"). */
const done = {
  stored: say('stored'),
  handed_back: say('handed back'),
  posted: say('posted'),
  disposed: say('disposed'),
} as const;

function foundItemOf(issue: Issue, doing: keyof typeof done): LostProperty {
  const item = lostPropertyOf(issue);
  if (item.kind !== 'found') {
    throw refusal('invalid', say('Only a found item can be {doing}; this is a lost report.', { doing: done[doing] }));
  }
  if (gone.includes(item.state)) {
    const state = done[item.state as keyof typeof done];
    throw refusal(
      'invalid-transition',
      say('This item was already {state}, so it cannot be {doing}.', { state, doing: done[doing] }),
    );
  }
  return item;
}

/** "phone (black Samsung)": the kind of item, and the colour and brand as staff typed them. */
export function itemPhrase(item: ItemDescription): Code | Phrase {
  const words = [item.colour, item.brand].filter((word) => word !== '').join(' ');
  const category = code('itemCategory', item.category);
  return words ? say('{category} ({words})', { category, words }) : category;
}

/** The item in English, as the timeline and exports write it. */
export function describeItem(lost: Pick<LostProperty, 'item'>): string {
  return valueText(itemPhrase(lost.item));
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
  const item = itemPhrase(lostProperty.item);
  const found = args.place ? say('Found: {item} at {place}', { item, place: args.place }) : say('Found: {item}', { item });
  const first =
    args.kind === 'found'
      ? entry(ctx, 'fields', found, { custody: 'found', idSuffix: 'found' })
      : entry(ctx, 'fields', say('Reported lost: {item}', { item }), { custody: 'reported_lost', idSuffix: 'lost' });
  const entries = [first];
  if (storage) {
    entries.push(entry(ctx, 'fields', say('Stored in {storage}', { storage }), { custody: 'stored', idSuffix: 'stored' }));
  }
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
  return withEntry({ ...issue, lostProperty: next }, ctx, 'fields', say('Changed the item description'));
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
  const said = moved
    ? say('Moved from {from} to {to}', { from: current.storage, to: args.storage })
    : say('Stored in {storage}', { storage: args.storage });
  return withEntries({ ...issue, lostProperty: next }, ctx, [
    entry(ctx, 'fields', said, { custody: moved ? 'moved' : 'stored' }),
  ]);
}

function matchItem(issue: Issue, args: MutationArgs<'matchItem'>, ctx: MutationContext): Issue {
  const current = lostPropertyOf(issue);
  if (args.otherId === issue.id) throw refusal('invalid', say('An item cannot be matched with itself.'));
  if (args.matched) {
    if (current.matchedWith === args.otherId) return issue;
    if (gone.includes(current.state) || current.state === 'returned') {
      throw refusal('invalid-transition', say('This item is no longer at the desk, so it cannot be matched.'));
    }
    const next: LostProperty = { ...current, matchedWith: args.otherId, state: 'matched' };
    // The attendee who lost it is told it was found, when they agreed to be contacted.
    const followUp =
      current.kind === 'lost' && issue.consent.given
        ? { ...issue.followUp, needed: true, reason: 'lost_property' as const, outreach: 'pending' as const }
        : issue.followUp;
    const said = current.kind === 'found' ? say('Matched with a lost report') : say('Matched with a found item');
    return withEntries({ ...issue, lostProperty: next, followUp }, ctx, [entry(ctx, 'fields', said, { custody: 'matched' })]);
  }
  if (current.matchedWith !== args.otherId) return issue;
  if (current.state !== 'matched') throw refusal('invalid-transition', say('This match was already acted on.'));
  const next: LostProperty = {
    ...current,
    matchedWith: null,
    state: current.kind === 'found' && current.storage !== '' ? 'stored' : 'reported',
  };
  return withEntries({ ...issue, lostProperty: next }, ctx, [
    entry(ctx, 'fields', say('Match undone: not the same item'), { custody: 'unmatched' }),
  ]);
}

/** Resolved, with the domain's own resolution unless someone wrote one. */
function resolved(issue: Issue, resolution: Phrase, ctx: MutationContext): Issue {
  const done = issue.status === 'closed' || issue.status === 'resolved';
  return {
    ...issue,
    status: done ? issue.status : 'resolved',
    ...ownResolution(issue, resolution),
    firstResponseAt: issue.firstResponseAt ?? ctx.now,
    resolvedAt: issue.resolvedAt ?? ctx.now,
  };
}

function handBackItem(issue: Issue, args: MutationArgs<'handBackItem'>, ctx: MutationContext): Issue {
  const current = foundItemOf(issue, 'handed_back');
  const by = { id: ctx.actor.id, name: ctx.actor.name };
  const { issueId: _, ...given } = args;
  const next: LostProperty = { ...current, state: 'handed_back', handback: { ...given, by, at: ctx.now } };
  const checked = { name: args.collectedBy, idKind: code('idKind', args.idKind), last4: args.idLast4 };
  const said =
    args.confirmation.kind === 'signature'
      ? say('Handed back to {name} (ID checked: {idKind} ending {last4}; signed)', checked)
      : say('Handed back to {name} (ID checked: {idKind} ending {last4}; confirmed in writing)', checked);
  return withEntries(
    resolved({ ...issue, lostProperty: next }, say('Handed back to {name}.', { name: args.collectedBy }), ctx),
    ctx,
    [entry(ctx, 'status', said, { custody: 'handed_back' })],
  );
}

function recordItemReturned(issue: Issue, args: MutationArgs<'recordItemReturned'>, ctx: MutationContext): Issue {
  const current = lostPropertyOf(issue);
  if (current.kind !== 'lost') throw refusal('invalid', say('Only a lost report can be marked returned.'));
  if (current.state === 'returned') return issue;
  const next: LostProperty = { ...current, state: 'returned', matchedWith: args.foundId };
  // They have it back: nobody needs to tell them it was found.
  const followUp =
    issue.followUp.needed && issue.followUp.reason === 'lost_property'
      ? { ...issue.followUp, outreach: 'done' as const }
      : issue.followUp;
  return withEntries(resolved({ ...issue, lostProperty: next, followUp }, say('Item handed back to its owner.'), ctx), ctx, [
    entry(ctx, 'status', say('Item returned to its owner'), { custody: 'returned' }),
  ]);
}

function disposeItem(issue: Issue, args: MutationArgs<'disposeItem'>, ctx: MutationContext): Issue {
  const current = foundItemOf(issue, args.how);
  const by = { id: ctx.actor.id, name: ctx.actor.name };
  const next: LostProperty = { ...current, state: args.how, disposal: { how: args.how, note: args.note, by, at: ctx.now } };
  const said = args.how === 'posted' ? say('Posted to its owner') : say('Disposed of after the keeping period');
  const resolution = args.how === 'posted' ? say('Posted to its owner.') : say('Disposed of after the keeping period.');
  return withEntries(resolved({ ...issue, lostProperty: next }, resolution, ctx), ctx, [
    entry(ctx, 'status', said, { custody: args.how, note: args.note }),
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
