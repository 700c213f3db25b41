import type { BrowserContext } from '@playwright/test';

/**
 * A phone opening Helptent from the network: joined (its IndexedDB kept), but no service worker,
 * precache or HTTP cache, as after the browser evicted them. Lighthouse's own storage reset
 * would also wipe the join, so this clears the rest itself.
 */
export async function forgetAllButTheJoin(context: BrowserContext, origin: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${origin}/healthz`);
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await page.close();
}
