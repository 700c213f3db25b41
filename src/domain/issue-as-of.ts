import {
  type Issue,
  type PersonRef,
  type PublicRiskLevel,
  publicRiskLabels,
  type Status,
  statusLabels,
  type TimelineEntry,
} from './issue';

/** What a day's summary needs to know about an issue at one instant. */
export interface IssueState {
  status: Status;
  owner: PersonRef | null;
  riskLevel: PublicRiskLevel;
  escalatedToComms: boolean;
  toldAttendee: string;
}

export const currentState = (issue: Issue): IssueState => ({
  status: issue.status,
  owner: issue.owner,
  riskLevel: issue.publicRisk.level,
  escalatedToComms: issue.publicRisk.escalatedToComms,
  toldAttendee: issue.toldAttendee,
});

const statusByLabel = new Map<string, Status>(Object.entries(statusLabels).map(([status, label]) => [label, status as Status]));
const riskByLabel = new Map<string, PublicRiskLevel>(
  Object.entries(publicRiskLabels).map(([level, label]) => [label, level as PublicRiskLevel]),
);
const escalatedSuffix = ' (escalated to comms)';

function riskFrom(text: string): { level: PublicRiskLevel; escalated: boolean } | null {
  const at = text.lastIndexOf('Public risk: ');
  if (at < 0) return null;
  let label = text.slice(at + 'Public risk: '.length);
  const escalated = label.endsWith(escalatedSuffix);
  if (escalated) label = label.slice(0, -escalatedSuffix.length);
  const level = riskByLabel.get(label);
  return level ? { level, escalated } : null;
}

export interface OwnerChange {
  entry: TimelineEntry;
  /** Name of the owner before, null when nobody owned it. */
  from: string | null;
  to: string;
}

/**
 * Owner changes in timeline order, with names read from the entries' text (the only record of
 * past owners: entries are append-only, fields hold just the latest value). Knowing who owned it
 * before lets "Handed over from Jo to Ann to Bo" split where the previous owner's name ends.
 */
export function ownerChanges(issue: Issue): OwnerChange[] {
  const changes: OwnerChange[] = [];
  let owner: string | null = null;
  for (const entry of issue.timeline) {
    let to: string | null = null;
    if (entry.kind === 'owner') {
      const prefix = `Owner: ${owner ?? ''} → `;
      if (owner !== null && entry.text.startsWith(prefix)) to = entry.text.slice(prefix.length);
      else if (entry.text.endsWith(' took ownership')) to = entry.text.slice(0, -' took ownership'.length);
      else if (entry.text.includes(' → ')) to = entry.text.slice(entry.text.lastIndexOf(' → ') + 3);
    } else if (entry.kind === 'handover') {
      const prefix = `Handed over from ${owner ?? 'nobody'} to `;
      if (entry.text.startsWith(prefix)) to = entry.text.slice(prefix.length);
      else to = /^Handed over from .+? to (.+)$/.exec(entry.text)?.[1] ?? null;
    }
    if (to !== null) {
      changes.push({ entry, from: owner, to });
      owner = to;
    }
  }
  return changes;
}

/**
 * The person of that name who logged the issue or wrote on its timeline (owners usually do); else
 * the name alone, with an empty id (PersonCount matches it to a known id by name, or shows null).
 */
function personIn(issue: Issue, name: string): PersonRef {
  if (issue.reportedBy.name === name) return issue.reportedBy;
  return issue.timeline.find((entry) => entry.by.name === name)?.by ?? { id: '', name };
}

/**
 * The issue's status, owner, public risk and what we told the attendee as they stood at `ms`,
 * replayed from the timeline: a summary exported days later must still say what was open at the
 * end of that day. Entries are read in the order the server stored them and kept when stamped at
 * or before `ms`; callers skip this when nothing is stamped after `ms`. Old owners are known by name only (see personIn).
 */
export function stateAt(issue: Issue, ms: number, timeOf: (iso: string) => number): IssueState {
  const state: IssueState = { status: 'open', owner: null, riskLevel: 'none', escalatedToComms: false, toldAttendee: '' };
  const owners = new Map(ownerChanges(issue).map((change) => [change.entry, change.to]));
  for (const entry of issue.timeline) {
    if (timeOf(entry.at) > ms) continue;
    const ownerName = owners.get(entry);
    if (ownerName !== undefined) {
      state.owner = issue.owner?.name === ownerName ? issue.owner : personIn(issue, ownerName);
      // Taking an open issue on starts the work (see assignOwner and handOver).
      if (state.status === 'open') state.status = 'in_progress';
    } else if (entry.kind === 'status') {
      const move = /^Status: .+? → ([^;]+)/.exec(entry.text);
      const status = move ? statusByLabel.get(move[1]!) : undefined;
      if (status) state.status = status;
    } else if (entry.kind === 'public-risk' || entry.kind === 'created') {
      const risk = riskFrom(entry.text);
      if (risk) {
        state.riskLevel = risk.level;
        state.escalatedToComms = risk.escalated;
      }
    } else if (entry.kind === 'told-attendee') {
      state.toldAttendee = entry.note;
    }
  }
  return state;
}
