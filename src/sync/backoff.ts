/**
 * Exponential backoff with full jitter: after an outage hundreds of phones reconnect at once,
 * and spreading their retries over the whole window keeps the server standing.
 */
export function backoffDelay(failures: number, random: number, baseMs = 2_000, maxMs = 5 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random * ceiling);
}
