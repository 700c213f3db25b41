/**
 * How long to wait before the next try after `failures` failures in a row: exponential backoff
 * with full jitter. The ceiling grows 1 s, 2 s, 4 s, 8 s and stays there, so a phone tries again
 * within 8 s of the server coming back (staff should not wait out a five-minute backoff after a
 * one-minute outage); full jitter spreads hundreds of phones evenly over those 8 s, about 60
 * requests a second for 500 phones, instead of all at once.
 */
export const maxBackoffMs = 8_000;

export function backoffDelay(failures: number, random: number, baseMs = 1_000, maxMs = maxBackoffMs): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.floor(random * ceiling);
}
