/**
 * Resolves in a task of its own. Work after it no longer lengthens the task before it, and a key
 * press that arrived meanwhile is handled in between: on a slow phone, one long task of opening
 * the app becomes several short ones. `scheduler.yield()` (Chromium) puts the rest first in line
 * after that; elsewhere a timer does.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
