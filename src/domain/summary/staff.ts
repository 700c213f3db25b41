import { withoutContactDetails } from '../attendee-redaction';
import { isWithin } from '../day-window';
import type { Issue, PersonRef, TimelineEntry } from '../issue';
import { ownerChanges } from '../issue-as-of';
import { mapPhraseText } from '../phrase';
import { holds, type SummaryDay, timeOf } from './context';
import { listLimit } from './open-work';
import type { Handover, NotableNote, PersonCount, StaffSummary } from './types';

const topCount = 10;
const notableLimit = 10;
/** So ten notes tell about at least five issues, not one long thread. */
const notesPerIssue = 2;
const noteLength = 280;

/** Counts per person id; people known only by name (an old owner replayed from the timeline) under their name. */
function tally(counts: Map<string, PersonCount>, person: PersonRef): void {
  const key = person.id === '' ? `name:${person.name}` : person.id;
  const row = counts.get(key);
  if (row) row.count += 1;
  else counts.set(key, { id: person.id === '' ? null : person.id, name: person.name, count: 1 });
}

function top(counts: Map<string, PersonCount>): PersonCount[] {
  const rows = [...counts.values()];
  const byName = new Map(rows.filter((row) => row.id !== null).map((row) => [row.name, row]));
  const merged = rows.filter((row) => {
    const known = row.id === null ? byName.get(row.name) : undefined;
    if (known) known.count += row.count;
    return !known;
  });
  return merged.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, topCount);
}

export function staffOf(day: SummaryDay): StaffSummary {
  const { issues } = day.input;
  const owners = new Map<string, PersonCount>();
  const loggers = new Map<string, PersonCount>();
  for (const i of day.logged) {
    tally(loggers, issues[i]!.reportedBy);
    const owner = day.ownerOf(i);
    if (owner) tally(owners, owner);
  }
  const rows = [...owners.values(), ...loggers.values()];
  const idByName = new Map(rows.filter((row) => row.id !== null).map((row) => [row.name, row.id]));
  const people = new Set(rows.map((row) => row.id ?? idByName.get(row.name) ?? `name:${row.name}`)).size;
  const handovers: (Handover & { ms: number })[] = [];
  issues.forEach((issue, i) => {
    if ((day.input.holds[i]! & holds.handover) === 0 || !day.hasEntriesWithin(i)) return;
    // Reading who handed to whom means replaying the owners; only worth it with a handover that day.
    if (!issue.timeline.some((entry) => entry.kind === 'handover' && isWithin(timeOf(entry.at), day.window))) return;
    for (const change of ownerChanges(issue)) {
      if (change.entry.kind !== 'handover') continue;
      const ms = timeOf(change.entry.at);
      if (!isWithin(ms, day.window)) continue;
      handovers.push({ issueId: issue.id, at: change.entry.at, from: change.from, to: change.to, by: change.entry.by.name, ms });
    }
  });
  handovers.sort((a, b) => a.ms - b.ms || a.issueId.localeCompare(b.issueId));
  return {
    people,
    byOwner: top(owners),
    byLogger: top(loggers),
    handovers: { count: handovers.length, items: handovers.slice(0, listLimit).map(({ ms: _, ...handover }) => handover) },
  };
}

const reasonRank: Record<NotableNote['reason'], number> = { 'public-risk': 0, conflict: 1, urgent: 2, high: 3 };

function issueReason(issue: Issue, hasRisk: boolean): NotableNote['reason'] | null {
  if (hasRisk) return 'public-risk';
  if (issue.severity === 'urgent') return 'urgent';
  if (issue.severity === 'high') return 'high';
  return null;
}

/**
 * Up to ten notes stamped that day worth a coordinator's evening: notes and handover notes on
 * public-risk, urgent and high issues, and every conflict the server recorded (two people set
 * different things; someone has to settle it). Most important first, newest first within a reason,
 * and at most two per issue.
 */
export function notableNotesOf(day: SummaryDay, riskCandidates: ReadonlySet<number>): NotableNote[] {
  const { issues } = day.input;
  const found: { issue: Issue; entry: TimelineEntry; reason: NotableNote['reason']; ms: number }[] = [];
  issues.forEach((issue, i) => {
    const held = day.input.holds[i]!;
    if ((held & (holds.note | holds.conflict)) === 0 || !day.hasEntriesWithin(i)) return;
    const reason = issueReason(issue, riskCandidates.has(i) && day.stateOf(i).riskLevel !== 'none');
    if (!reason && (held & holds.conflict) === 0) return;
    for (const entry of issue.timeline) {
      const isConflict = entry.kind === 'conflict';
      const isNote = (entry.kind === 'note' || entry.kind === 'handover') && entry.note.trim() !== '';
      if (!isConflict && !(isNote && reason)) continue;
      const ms = timeOf(entry.at);
      if (!isWithin(ms, day.window)) continue;
      found.push({ issue, entry, reason: reason === 'public-risk' || !isConflict ? reason! : 'conflict', ms });
    }
  });
  found.sort((a, b) => reasonRank[a.reason] - reasonRank[b.reason] || b.ms - a.ms || a.issue.id.localeCompare(b.issue.id));
  const perIssue = new Map<string, number>();
  const chosen = found.filter(({ issue }) => {
    const count = (perIssue.get(issue.id) ?? 0) + 1;
    perIssue.set(issue.id, count);
    return count <= notesPerIssue;
  });
  // Redacted only once chosen: the regular expressions cost more than the search.
  return chosen.slice(0, notableLimit).map(({ issue, entry, reason }) => {
    const text = withoutContactDetails(entry.kind === 'conflict' ? entry.text : entry.note, issue.attendee).trim();
    const note: NotableNote = {
      issueId: issue.id,
      at: entry.at,
      by: entry.by.name,
      kind: entry.kind as NotableNote['kind'],
      reason,
      text: text.length > noteLength ? `${text.slice(0, noteLength - 1)}…` : text,
    };
    if (entry.kind === 'conflict' && entry.phrase) {
      note.phrase = mapPhraseText(entry.phrase, (words) => withoutContactDetails(words, issue.attendee));
    }
    return note;
  });
}
