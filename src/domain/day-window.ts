import { type DayBoundary, localDateTime, operationalDayOf, parseClock, previousDate } from './operational-day';

/** The instants an operational day spans: [startMs, endMs), milliseconds since the epoch. */
export interface DayWindow {
  day: string;
  startMs: number;
  endMs: number;
}

const minuteMs = 60_000;
const hourMs = 3_600_000;
const dayMs = 86_400_000;

function assertDate(day: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const valid = match !== null && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!valid) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
}

/** "2026-07-11" → "2026-07-12" (pure calendar arithmetic, no timezone involved). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
}

/**
 * The first instant whose operational day is `day` or later. Asking operationalDayOf (rather than
 * adding offsets here) keeps one definition of the day; it never goes backwards in time, so a
 * bisection finds the boundary to the millisecond in ~28 steps, once per summary, not per issue.
 */
function dayStartMs(day: string, boundary: DayBoundary): number {
  // Local day start read as if UTC; real offsets lie within ±14 h, so ±30 h brackets it.
  const naive = Date.parse(`${day}T00:00:00Z`) + parseClock(boundary.dayStartsAt) * minuteMs;
  let before = naive - 30 * hourMs;
  let after = naive + 30 * hourMs;
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (operationalDayOf(mid, boundary) >= day) after = mid;
    else before = mid;
  }
  return after;
}

export function dayWindow(day: string, boundary: DayBoundary): DayWindow {
  assertDate(day);
  return { day, startMs: dayStartMs(day, boundary), endMs: dayStartMs(nextDate(day), boundary) };
}

export function previousDayWindow(window: DayWindow, boundary: DayBoundary): DayWindow {
  const day = previousDate(window.day);
  return { day, startMs: dayStartMs(day, boundary), endMs: window.startMs };
}

export const isWithin = (ms: number, window: DayWindow): boolean => ms >= window.startMs && ms < window.endMs;

function offsetAt(ms: number, timezone: string): number {
  const local = localDateTime(ms, timezone);
  return Date.parse(`${local.date}T00:00:00Z`) + local.minutes * minuteMs - Math.floor(ms / minuteMs) * minuteMs;
}

/**
 * Reads the local clock hour (0–23) of instants inside a window without asking Intl for each
 * one (that would cost more than the rest of the summary over 50,000 issues): the UTC offset is
 * sampled every hour and bisected where it changes, so a DST night gives two offset segments.
 */
export function localHourReader(window: DayWindow, timezone: string): (ms: number) => number {
  const segments: { fromMs: number; offsetMs: number }[] = [
    { fromMs: window.startMs, offsetMs: offsetAt(window.startMs, timezone) },
  ];
  let previous = window.startMs;
  while (previous < window.endMs - 1) {
    const at = Math.min(previous + hourMs, window.endMs - 1);
    const last = segments[segments.length - 1]!;
    if (offsetAt(at, timezone) !== last.offsetMs) {
      let same = previous;
      let changed = at;
      while (changed - same > 1) {
        const mid = Math.floor((same + changed) / 2);
        if (offsetAt(mid, timezone) === last.offsetMs) same = mid;
        else changed = mid;
      }
      segments.push({ fromMs: changed, offsetMs: offsetAt(changed, timezone) });
    }
    previous = at;
  }
  return (ms) => {
    let offset = segments[0]!.offsetMs;
    for (const segment of segments) if (segment.fromMs <= ms) offset = segment.offsetMs;
    // Whole hours since the epoch are small integers, so the remainder stays integer arithmetic.
    return ((Math.floor((ms + offset) / hourMs) % 24) + 24) % 24;
  };
}
