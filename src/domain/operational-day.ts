/**
 * The festival day an instant belongs to. Nights belong to the day before: with the default
 * day start of 06:00, an issue at 01:30 on Saturday is counted in Friday's day. Local time is
 * read in the event's timezone, so DST changes and phones set to the wrong zone do not matter.
 */
export interface DayBoundary {
  /** IANA timezone, e.g. "Europe/Amsterdam". */
  timezone: string;
  /** "HH:MM" local time at which a festival day begins. */
  dayStartsAt: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

export interface LocalDateTime {
  date: string;
  minutes: number;
}

/**
 * The instants a festival day can be worked out for: years 1000 to 9998. A phone with a broken
 * clock can stamp anything its schema admits (years 0000 to 9999, with offsets); the server
 * replaces such times when they arrive, and until then they are filed at the nearest end of this
 * range instead of failing (four-digit years keep "YYYY-MM-DD" dates valid on every side).
 */
export const earliestFiledMs = Date.UTC(1000, 0, 2);
export const latestFiledMs = Date.UTC(9998, 11, 30);

export function clampToFiled(time: number): number {
  return Math.min(Math.max(time, earliestFiledMs), latestFiledMs);
}

/** Calendar date ("YYYY-MM-DD") and minutes since local midnight of an instant in a timezone. */
export function localDateTime(instant: Date | number | string, timezone: string): LocalDateTime {
  const parsed = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(parsed)) throw new RangeError(`Not a valid time: ${String(instant)}`);
  const time = clampToFiled(parsed);
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timezone).formatToParts(time)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** A time of day as "HH:MM", 00:00–23:59. */
export const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseClock(clock: string): number {
  const match = clockPattern.exec(clock);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True for a real calendar date written "YYYY-MM-DD" (not "2026-02-30"). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** "2026-07-11" → "2026-07-10" (pure calendar arithmetic, no timezone involved). */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function offsetMs(time: number, timezone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timezone).formatToParts(time)) parts[part.type] = part.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return asUtc - Math.floor(time / 60_000) * 60_000;
}

/**
 * Instants whose local time in the timezone is exactly `minutes` on `date`: none in a spring-
 * forward gap, two in a fall-back overlap, one otherwise.
 */
function instantsAt(date: string, minutes: number, timezone: string): number[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  const day = 86_400_000;
  const candidates = new Set([naive - offsetMs(naive - day, timezone), naive - offsetMs(naive + day, timezone)]);
  return [...candidates].filter((c) => {
    const local = localDateTime(c, timezone);
    return local.date === date && local.minutes === minutes;
  });
}

/** The festival day an instant belongs to, and the local clock hour (0–23) it happened in. */
export interface DayAndHour {
  day: string;
  hour: number;
}

function computeDayAndHour(time: number, boundary: DayBoundary): DayAndHour {
  const local = localDateTime(time, boundary.timezone);
  const hour = Math.floor(local.minutes / 60);
  const start = parseClock(boundary.dayStartsAt);
  if (local.minutes >= start) return { day: local.date, hour };
  // Before the day start on the clock, but when clocks fell back after the day had already
  // started (day start inside the repeated hour), the day began at the first pass.
  const startedEarlier = instantsAt(local.date, start, boundary.timezone).some((s) => s <= time);
  return { day: startedEarlier ? local.date : previousDate(local.date), hour };
}

/**
 * Answers already worked out, per timezone and day start, by UTC minute: every instant of one
 * minute falls in the same festival day and clock hour (timezone offsets since the 1970s are
 * whole minutes, and the day starts on a whole minute). Filing 50,000 pulled issues asks about a
 * few thousand distinct minutes, and formatting dates in a timezone is the slow part.
 */
const caches = new Map<string, Map<number, DayAndHour>>();
const maxCachedMinutes = 200_000;

export function dayAndHourOf(instant: Date | number | string, boundary: DayBoundary): DayAndHour {
  const parsed = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(parsed)) return computeDayAndHour(parsed, boundary);
  const time = clampToFiled(parsed);
  const key = `${boundary.timezone} ${boundary.dayStartsAt}`;
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  const minute = Math.floor(time / 60_000);
  const known = cache.get(minute);
  if (known !== undefined) return known;
  const answer = computeDayAndHour(time, boundary);
  if (cache.size >= maxCachedMinutes) cache.clear();
  cache.set(minute, answer);
  return answer;
}

export function operationalDayOf(instant: Date | number | string, boundary: DayBoundary): string {
  return dayAndHourOf(instant, boundary).day;
}
