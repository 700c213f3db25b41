import { type Issue, type PersonRef, statuses, type TimelineEntry } from './issue';
import { changedFields, type MergedField } from './merged-fields';
import { code, type Phrase, type PhraseValue, say } from './phrase';
import { phraseText } from './phrase-text';

/** Which change (server sequence) last set a field, and from which device. */
export interface FieldVersion {
  seq: number;
  deviceId: string;
  by: string;
}
/**
 * Per field, the change that last set it; `*` is the change that created the issue and stands
 * for every field changed nothing since. One entry instead of eighteen identical ones keeps the
 * stored row (and each push that creates issues) small.
 */
export type FieldVersions = Partial<Record<MergedField | '*', FieldVersion>>;

function versionOf(fieldVersions: FieldVersions, field: MergedField): FieldVersion | undefined {
  return fieldVersions[field] ?? fieldVersions['*'];
}

/** What a field was set to, for a conflict entry. */
function show(field: MergedField, issue: Issue): PhraseValue {
  const value = issue[field];
  if (field === 'status') return code('status', issue.status);
  if (field === 'owner') return issue.owner?.name ?? say('nobody');
  if (value === null || value === '') return say('empty');
  if (typeof value === 'string') return say('“{text}”', { text: value.length > 60 ? `${value.slice(0, 57)}…` : value });
  if (field === 'publicRisk') return code('publicRisk', issue.publicRisk.level);
  return say('a different value');
}

function conflictEntry(id: string, at: string, by: PersonRef, phrase: Phrase): TimelineEntry {
  return { id, at, by, kind: 'conflict', text: phraseText(phrase), phrase, note: '' };
}

export interface ServerChange {
  before: Issue | undefined;
  after: Issue;
  fieldVersions: FieldVersions;
  /** The issue version the device had when the person made the change (0 = never synced). */
  baseVersion: number;
  deviceId: string;
  actor: PersonRef;
  /** The server sequence number this change gets. */
  seq: number;
  mutationUuid: string;
  now: string;
}

/**
 * Per-field merge in server arrival order. The change applies as the mutator made it (the later
 * arrival wins, the same on every device); but when it overwrites a field someone else changed
 * after this device last synced, nobody's edit disappears silently: a conflict entry saying
 * who set what is appended to the timeline for coordinators to check.
 */
export function mergeServerChange(change: ServerChange): {
  issue: Issue;
  fieldVersions: FieldVersions;
  conflicts: MergedField[];
} {
  const { before, after, fieldVersions, baseVersion, deviceId, actor, seq } = change;
  const version = { seq, deviceId, by: actor.name };
  if (!before) return { issue: after, fieldVersions: { '*': version }, conflicts: [] };
  const fields = changedFields(before, after);
  const nextVersions: FieldVersions = { ...fieldVersions };
  const conflicts: MergedField[] = [];
  const entries: TimelineEntry[] = [];
  for (const field of fields) {
    const previous = versionOf(fieldVersions, field);
    if (previous && previous.seq > baseVersion && previous.deviceId !== deviceId) {
      conflicts.push(field);
      const said = say(
        'Two people changed the {field}: {first} set {before}, then {second} (who had not seen it) set {after}. {second}’s change arrived later and applies — check which is right.',
        {
          field: code('field', field),
          first: previous.by,
          before: show(field, before),
          second: actor.name,
          after: show(field, after),
        },
      );
      entries.push(conflictEntry(`${change.mutationUuid}:conflict:${field}`, change.now, actor, said));
    }
    nextVersions[field] = version;
  }
  const issue = entries.length > 0 ? { ...after, timeline: [...after.timeline, ...entries] } : after;
  return { issue, fieldVersions: nextVersions, conflicts };
}

/** Who changed the issue after `baseVersion`, other than this device (none: nobody did). */
export function changedByOthersSince(fieldVersions: FieldVersions, baseVersion: number, deviceId: string): string[] {
  const names = new Set<string>();
  for (const version of Object.values(fieldVersions)) {
    if (version && version.seq > baseVersion && version.deviceId !== deviceId) names.add(version.by);
  }
  return [...names];
}

function namesPhrase(names: readonly string[]): PhraseValue {
  if (names.length <= 1) return names[0] ?? '';
  return say('{names} and {last}', { names: names.slice(0, -1), last: names.at(-1)! });
}

function describeChange(name: string, args: unknown): Phrase {
  const a = (args ?? {}) as { status?: unknown; to?: { name?: unknown } };
  if (name === 'setStatus' && statuses.some((s) => s === a.status)) {
    return say('set the status to {status}', { status: code('status', a.status as string) });
  }
  if (name === 'handOver' && typeof a.to?.name === 'string' && a.to.name)
    return say('hand it over to {name}', { name: a.to.name });
  return say('change it');
}

/**
 * A change that became impossible only because someone else changed the issue first (closing an
 * issue another person had just referred): instead of a silent rejection, the issue keeps its
 * state and its timeline says who wanted what, for a coordinator to settle.
 */
export function staleChangeConflict(
  issue: Issue,
  change: {
    name: string;
    args: unknown;
    mutationUuid: string;
    now: string;
    actor: PersonRef;
    /** Why the change could not apply: the mutator's refusal, as a phrase where it has one. */
    reason: string | Phrase;
    others: readonly string[];
  },
): Issue {
  const said = say(
    '{name} wanted to {change}, but {others} had changed the issue first, so it was not applied: {reason} Check which is right.',
    {
      name: change.actor.name,
      change: describeChange(change.name, change.args),
      others: namesPhrase(change.others),
      reason: change.reason,
    },
  );
  const entry = conflictEntry(`${change.mutationUuid}:conflict`, change.now, change.actor, said);
  return { ...issue, updatedAt: change.now, timeline: [...issue.timeline, entry] };
}
