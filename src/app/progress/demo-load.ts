import type { HelptentDatabase } from '../../db/database';
import { parseDemoFile, storeDemo } from '../../db/demo-import';
import { errorMessage } from '../changes';
import { createStore } from '../store';

export type DemoLoad =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'storing'; stored: number; total: number }
  | { kind: 'done'; count: number }
  | { kind: 'failed'; message: string };

/**
 * The demo load under way, outside any screen: a person who leaves Settings while 20,000 issues
 * are stored finds it still going (or done) when they come back, and nothing breaks meanwhile.
 */
export const demoLoad = createStore<DemoLoad>({ kind: 'idle' });

export async function loadDemo(db: HelptentDatabase, file: File): Promise<void> {
  if (demoLoad.get().kind === 'reading' || demoLoad.get().kind === 'storing') return;
  demoLoad.set({ kind: 'reading' });
  try {
    const demo = parseDemoFile(await file.text());
    await storeDemo(db, demo, (stored, total) => demoLoad.set({ kind: 'storing', stored, total }));
    demoLoad.set({ kind: 'done', count: demo.issues.length });
  } catch (error) {
    demoLoad.set({ kind: 'failed', message: errorMessage(error) });
  }
}
