import type { CDPSession } from '@playwright/test';

/** JS heap in use after a full garbage collection, so the number is what is really held. */
export async function heapUsedAfterGc(cdp: CDPSession): Promise<number> {
  // Two passes: the first can leave objects that only become garbage once finalizers ran.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

export const megabytes = (bytes: number): number => bytes / 1024 / 1024;
