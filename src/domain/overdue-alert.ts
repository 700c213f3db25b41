import type { FestivalEvent } from './event';
import { type Issue, isVoided } from './issue';
import { operationalDayOf } from './operational-day';
import { isWaitingTooLong } from './response-targets';

/** Resolved, closed or voided: nothing left to alert about, and open alerts about it close. */
export function isFinished(issue: Pick<Issue, 'status' | 'voided'>): boolean {
  return isVoided(issue) || issue.status === 'resolved' || issue.status === 'closed';
}

/** Past its first-response target with nobody answering and nobody owning it: the queue's "waiting too long", unowned. */
export function isOverdueUnowned(issue: Issue, event: FestivalEvent, now: Date): boolean {
  return issue.owner === null && !isFinished(issue) && isWaitingTooLong(issue, event, now);
}

/**
 * When the issue will be overdue and unowned if nothing changes (ISO 8601), or null when it never
 * will be (owned, answered or finished). The server stores it with the issue, so its clock finds
 * due issues by an index instead of reading every issue every few seconds; it checks again
 * with `isOverdueUnowned` when the time comes.
 */
export function overdueUnownedAt(issue: Issue, event: FestivalEvent): string | null {
  if (issue.owner !== null || issue.firstResponseAt || isFinished(issue)) return null;
  const created = Date.parse(issue.createdAt);
  if (Number.isNaN(created)) return null;
  const target = event.responseTargets[issue.severity];
  // Just past the target: "waiting too long" starts after it, not at it.
  if (target !== null) return new Date(created + target * 60_000 + 1).toISOString();
  return new Date(operationalDayEndMs(created, event)).toISOString();
}

/**
 * The first minute of the next festival day ("same day" targets end with the day), found by
 * halving: days start on a whole minute, and DST makes a day 23 to 25 hours long.
 */
function operationalDayEndMs(time: number, event: FestivalEvent): number {
  const day = operationalDayOf(time, event);
  let inDay = time;
  let after = time + 49 * 3_600_000;
  if (operationalDayOf(after, event) <= day) return after;
  while (after - inDay > 60_000) {
    const middle = Math.floor((inDay + after) / 2);
    if (operationalDayOf(middle, event) > day) after = middle;
    else inDay = middle;
  }
  // The one whole minute in (inDay, after] is the day's start.
  return Math.floor(after / 60_000) * 60_000;
}
