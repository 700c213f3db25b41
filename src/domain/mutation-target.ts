import { isEventMutation } from './event-mutations';

/** What a named change touches: one issue, or the event's settings. */
export type MutationTarget = { kind: 'issue'; issueId: string } | { kind: 'event' };

/**
 * The one place that reads a mutation's target from its arguments (the phone files outbox
 * entries by it, the server reads the stored issue by it). Null when the arguments name none,
 * which the mutator's validation then reports.
 */
export function mutationTargetOf(name: string, args: unknown): MutationTarget | null {
  if (isEventMutation(name)) return { kind: 'event' };
  const record = (typeof args === 'object' && args !== null ? args : {}) as { id?: unknown; issueId?: unknown };
  const id = name === 'createIssue' ? record.id : record.issueId;
  return typeof id === 'string' && id !== '' ? { kind: 'issue', issueId: id } : null;
}

/** The outbox files a change by this key: its issue's id, or '' for the event's settings. */
export function outboxKeyOf(name: string, args: unknown): string {
  const target = mutationTargetOf(name, args);
  return target?.kind === 'issue' ? target.issueId : '';
}
