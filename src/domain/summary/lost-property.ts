import { type DayWindow, isWithin } from '../day-window';
import { instantMs } from '../iso-instant';
import type { Issue } from '../issue';
import type { LostPropertyFigures } from './types';

/**
 * The lost-property desk's day: reports and found items logged in it, matches confirmed and
 * items returned in it (by the custody steps stamped inside the day), and what is in storage at
 * its end. The return rate is of the items found that day that were returned by its end.
 */
export function lostPropertyOf(issues: readonly Issue[], window: DayWindow, asOfMs: number): LostPropertyFigures {
  const figures: LostPropertyFigures = {
    reported: 0,
    found: 0,
    matched: 0,
    returned: 0,
    inStorage: 0,
    foundAndReturned: 0,
    returnRate: null,
  };
  for (const issue of issues) {
    const lost = issue.lostProperty;
    if (!lost) continue;
    const createdMs = instantMs(issue.createdAt);
    if (createdMs > asOfMs) continue;
    const loggedToday = isWithin(createdMs, window);
    if (loggedToday) figures[lost.kind === 'found' ? 'found' : 'reported'] += 1;
    let gone = false;
    for (const entry of issue.timeline) {
      if (!entry.custody) continue;
      const ms = instantMs(entry.at);
      if (ms > asOfMs) continue;
      if (entry.custody === 'handed_back' || entry.custody === 'posted' || entry.custody === 'disposed') gone = true;
      if (!isWithin(ms, window)) continue;
      // A match is confirmed on both sides; it is counted once, on the found item.
      if (entry.custody === 'matched' && lost.kind === 'found') figures.matched += 1;
      if (entry.custody === 'handed_back' || entry.custody === 'posted') figures.returned += 1;
    }
    if (lost.kind === 'found') {
      if (!gone) figures.inStorage += 1;
      if (loggedToday && (lost.state === 'handed_back' || lost.state === 'posted') && gone) figures.foundAndReturned += 1;
    }
  }
  figures.returnRate = figures.found === 0 ? null : Number((figures.foundAndReturned / figures.found).toFixed(3));
  return figures;
}
