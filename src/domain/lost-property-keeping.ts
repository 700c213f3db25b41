import { dayWindow } from './day-window';
import type { FestivalEvent } from './event';

/** Days unclaimed lost property is kept after the last festival day, unless the organizer sets otherwise. */
export const defaultKeepDays = 30;
export const maxKeepDays = 365;

export function keepDaysOf(event: Pick<FestivalEvent, 'lostPropertyKeepDays'>): number {
  return event.lostPropertyKeepDays ?? defaultKeepDays;
}

/**
 * When unclaimed items may be posted or disposed of: the end of the last festival day plus the
 * keeping period. Null for an event without days.
 */
export function keepingEndsAt(event: FestivalEvent): string | null {
  const last = event.days.at(-1);
  if (last === undefined) return null;
  return new Date(dayWindow(last, event).endMs + keepDaysOf(event) * 24 * 60 * 60 * 1000).toISOString();
}

export function keepingHasEnded(event: FestivalEvent, now: Date): boolean {
  const ends = keepingEndsAt(event);
  return ends !== null && Date.parse(ends) <= now.getTime();
}

/** Whether the festival is over: items still at the desk then are unclaimed. */
export function festivalIsOver(event: FestivalEvent, now: Date): boolean {
  const last = event.days.at(-1);
  return last !== undefined && dayWindow(last, event).endMs <= now.getTime();
}
