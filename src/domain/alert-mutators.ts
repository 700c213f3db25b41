import type { Issue } from './issue';
import type { MutationArgs } from './mutation-args';
import { entry, type MutationContext, withEntries } from './mutation-context';
import { code, say } from './phrase';

/**
 * "I'm on it" on an alert. With nobody owning the issue the person takes it; with an owner they
 * are recorded beside them. Either way the entry names the alert and when it was raised, so the
 * day summary can count alerts answered and how long they waited.
 */
function acknowledgeAlert(issue: Issue, args: MutationArgs<'acknowledgeAlert'>, ctx: MutationContext): Issue {
  const me = { id: ctx.actor.id, name: ctx.actor.name };
  const alert = { id: args.alertId, kind: args.kind, raisedAt: args.raisedAt };
  const kind = code('alertKindWord', args.kind);
  if (issue.owner === null) {
    const next: Issue = {
      ...issue,
      owner: me,
      firstResponseAt: issue.firstResponseAt ?? ctx.now,
      status: issue.status === 'open' ? 'in_progress' : issue.status,
    };
    return withEntries(next, ctx, [
      entry(ctx, 'owner', say('{name} is on it ({kind} alert) and took ownership', { name: me.name, kind }), { alert }),
    ]);
  }
  const said =
    issue.owner.id === me.id
      ? say('{name} is on it ({kind} alert)', { name: me.name, kind })
      : say('{name} is on it ({kind} alert), beside {owner}', { name: me.name, kind, owner: issue.owner.name });
  return withEntries({ ...issue, firstResponseAt: issue.firstResponseAt ?? ctx.now }, ctx, [entry(ctx, 'note', said, { alert })]);
}

export const alertMutators = { acknowledgeAlert };
