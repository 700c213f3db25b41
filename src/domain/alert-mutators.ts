import { alertKindLabels } from './alert-rules';
import type { Issue } from './issue';
import type { MutationArgs } from './mutation-args';
import { entry, type MutationContext, withEntries } from './mutation-context';

/**
 * "I'm on it" on an alert. With nobody owning the issue the person takes it; with an owner they
 * are recorded beside them. Either way the entry names the alert and when it was raised, so the
 * day summary can count alerts answered and how long they waited.
 */
function acknowledgeAlert(issue: Issue, args: MutationArgs<'acknowledgeAlert'>, ctx: MutationContext): Issue {
  const me = { id: ctx.actor.id, name: ctx.actor.name };
  const alert = { id: args.alertId, kind: args.kind, raisedAt: args.raisedAt };
  const what = alertKindLabels[args.kind].toLowerCase();
  if (issue.owner === null) {
    const next: Issue = {
      ...issue,
      owner: me,
      firstResponseAt: issue.firstResponseAt ?? ctx.now,
      status: issue.status === 'open' ? 'in_progress' : issue.status,
    };
    return withEntries(next, ctx, [entry(ctx, 'owner', `${me.name} is on it (${what} alert) and took ownership`, { alert })]);
  }
  const text =
    issue.owner.id === me.id
      ? `${me.name} is on it (${what} alert)`
      : `${me.name} is on it (${what} alert), beside ${issue.owner.name}`;
  return withEntries({ ...issue, firstResponseAt: issue.firstResponseAt ?? ctx.now }, ctx, [entry(ctx, 'note', text, { alert })]);
}

export const alertMutators = { acknowledgeAlert };
