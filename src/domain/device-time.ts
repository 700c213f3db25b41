import type { FestivalEvent } from './event';
import { instantMs } from './iso-instant';

/**
 * Device clocks are claims. A phone whose battery was reset, or whose time was set by hand, stamps
 * its changes 9999-12-31 or 0999-06-01; trusting that would file the issue on a day that never
 * comes and put it first or last in every list. The server judges each change's time when it
 * arrives: a time it finds impossible is replaced by the time it arrived, and the phone's claim is
 * kept beside it for people to see.
 */

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** Phones and servers drift apart by seconds; a change "from the future" within this is fine. */
export const clockToleranceMs = 5 * minuteMs;
/** How long a phone may hold changes offline and still have its times believed. */
export const offlineAllowanceMs = 60 * dayMs;
/** Issues logged while the festival is being set up count from this long before its first day. */
export const setUpAllowanceMs = 14 * dayMs;

/** The earliest time a change arriving now can plausibly have been made. */
export function earliestPlausibleMs(event: Pick<FestivalEvent, 'days'>, receivedMs: number): number {
  const firstDay = event.days[0] ? Date.parse(`${event.days[0]}T00:00:00Z`) : Number.NaN;
  const sinceOffline = receivedMs - offlineAllowanceMs;
  return Number.isNaN(firstDay) ? sinceOffline : Math.min(sinceOffline, firstDay - setUpAllowanceMs);
}

/** The time a change counts at, and the device's own claim when that was not believed. */
export interface JudgedTime {
  at: string;
  deviceAt?: string;
}

/**
 * `earliestMs` is asked for only when the claim is older than the offline allowance, so the
 * common case (a phone with a good clock, syncing within weeks) reads no event settings.
 */
export function judgeDeviceTime(claimed: string, receivedAt: string, earliestMs: () => number): JudgedTime {
  const claimedMs = instantMs(claimed);
  const receivedMs = instantMs(receivedAt);
  const plausible =
    claimedMs <= receivedMs + clockToleranceMs && (claimedMs >= receivedMs - offlineAllowanceMs || claimedMs >= earliestMs());
  if (!plausible) return { at: receivedAt, deviceAt: claimed };
  // Times are compared as strings everywhere (lists, exports): one written with an offset or
  // nanoseconds is kept as the same instant in the shape every phone writes.
  return { at: new Date(claimedMs).toISOString() };
}

/** "9999-12-31 23:59 (UTC)" for a timeline: a claim far outside any timezone's sense. */
export function describeDeviceTime(deviceAt: string): string {
  const ms = instantMs(deviceAt);
  if (Number.isNaN(ms)) return deviceAt;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
