import { type DayWindow, isWithin } from '../day-window';
import { instantMs } from '../iso-instant';
import type { Issue } from '../issue';
import { nearestRank } from './stats';
import type { AlertFigures } from './types';

/**
 * Alerts answered in the day ("I'm on it", recorded on the issue with the alert it answered) and
 * how long they waited: from the server raising the alert to the answer. Alerts nobody answered
 * are not on any issue; the server's alert list holds them.
 */
export function alertsOf(issues: readonly Issue[], window: DayWindow, asOfMs: number): AlertFigures {
  const waits: number[] = [];
  const byKind: Record<string, number> = {};
  for (const issue of issues) {
    for (const entry of issue.timeline) {
      if (!entry.alert) continue;
      const answeredMs = instantMs(entry.at);
      if (answeredMs > asOfMs || !isWithin(answeredMs, window)) continue;
      byKind[entry.alert.kind] = (byKind[entry.alert.kind] ?? 0) + 1;
      const wait = (answeredMs - instantMs(entry.alert.raisedAt)) / 60_000;
      if (wait >= 0) waits.push(wait);
    }
  }
  waits.sort((a, b) => a - b);
  const round = (minutes: number | null) => (minutes === null ? null : Math.round(minutes * 10) / 10);
  return {
    answered: Object.values(byKind).reduce((sum, n) => sum + n, 0),
    byKind,
    medianMinutesToAnswer: round(nearestRank(waits, 50)),
    p90MinutesToAnswer: round(nearestRank(waits, 90)),
  };
}
