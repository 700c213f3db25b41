import type { FestivalEvent } from './event';
import type { Issue } from './issue';
import { operationalDayOf } from './operational-day';

type Waiting = Pick<Issue, 'createdAt' | 'firstResponseAt' | 'severity'> & { voided?: unknown };

/**
 * True when nobody has responded yet and the severity's first-response target has passed
 * (urgent 10 min, high 30 min, … ; "same day" targets end with the operational day).
 */
export function isWaitingTooLong(issue: Waiting, event: FestivalEvent, now: Date): boolean {
  if (issue.firstResponseAt || issue.voided) return false;
  const target = event.responseTargets[issue.severity];
  if (target === null) return operationalDayOf(now, event) > operationalDayOf(issue.createdAt, event);
  return now.getTime() - new Date(issue.createdAt).getTime() > target * 60_000;
}
