/**
 * Work the first screen does not need (the sync engine, the photo queue, the service worker,
 * the save code) waits until that screen is up and the page is idle: a slow phone then draws
 * the log form and takes typing first, instead of parsing and running all of it at once.
 */
let shown = false;
const waiting: (() => void)[] = [];

/** If no screen ever says it is up (a storage failure), the work starts anyway after this. */
const latestStartMs = 4_000;

function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => work(), { timeout: 1_000 });
  else setTimeout(work, 50);
}

/** Called by every screen once it is on the page. */
export function markFirstScreenShown(): void {
  if (shown) return;
  shown = true;
  for (const work of waiting.splice(0)) whenIdle(work);
}

export function afterFirstScreen(work: () => void): void {
  if (shown) whenIdle(work);
  else waiting.push(work);
}

setTimeout(markFirstScreenShown, latestStartMs);
