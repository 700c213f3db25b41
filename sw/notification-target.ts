/**
 * Where a tap on an alert leads, apart from the service worker's globals so a unit test can drive
 * it with stand-in clients (the DevTools protocol can show a notification but cannot tap it).
 * Only the parts of Clients and WindowClient it uses, so it type-checks with the DOM's types too.
 */
export interface WindowLike {
  readonly url: string;
  focus(): Promise<unknown>;
  /** Resolves to the navigated client, or null when the page is not ours to navigate. */
  navigate(url: string): Promise<unknown>;
}

export interface ClientsLike {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowLike[]>;
  openWindow(url: string): Promise<unknown>;
}

/**
 * The absolute address of an app path from a notification, on this origin only: a payload that
 * somehow names another site (it is checked on the server too) opens the queue instead.
 */
export function appUrl(path: unknown, origin: string): string {
  const fallback = new URL('/queue', origin).href;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return fallback;
  try {
    const url = new URL(path, origin);
    return url.origin === origin ? url.href : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Brings Helptent to the front at the issue: an open Helptent window is focused and navigated
 * there (the phone's person sees the issue, not a second copy of the app); with none open, a new
 * window opens. Focus can be refused (it needs the tap's permission, which lasts a moment), and
 * navigating a page this worker does not control fails: both fall through to the next way, so a
 * tap always ends on the issue.
 */
export async function openAppAt(clients: ClientsLike, url: string): Promise<void> {
  // matchAll only ever lists windows of this worker's origin.
  for (const client of await clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    try {
      await client.focus();
    } catch {
      // Not allowed to focus now: navigating still puts the issue on that window.
    }
    try {
      if ((await client.navigate(url)) !== null) return;
    } catch {
      // Not controlled by this worker (opened before it took over): try the next, or a new window.
    }
  }
  await clients.openWindow(url);
}
