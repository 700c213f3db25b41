import type { HelptentDatabase } from '../db/database';
import { ensureDeviceIdentity } from '../db/device-repository';
import { ensureEvent } from '../db/event-repository';
import { toOpeningError } from '../db/storage-errors';
import { requestPersistentStorage } from '../db/storage-persistence';
import type { AppErrorData } from '../domain/app-error';
import { defaultEvent, type FestivalEvent } from '../domain/event';
import { afterFirstScreen } from './first-screen';
import { warmUpIntl } from './intl-warm-up';
import { nextTask } from './next-task';
import { startPhotoUploads } from './photo-bridge';
import { createStore, useStore } from './store';
import { startSync } from './sync-bridge';

export type DatabaseState =
  | { status: 'opening' }
  | { status: 'ready'; db: HelptentDatabase }
  | { status: 'failed'; error: AppErrorData }
  /** Another tab upgraded the database; this tab must reload before it may write again. */
  | { status: 'outdated' };

export const databaseState = createStore<DatabaseState>({ status: 'opening' });

export async function openLocalDatabase(): Promise<void> {
  databaseState.set({ status: 'opening' });
  // Dexie arrives with the page (index.html preloads it) but runs in a task of its own, after the
  // app's code has run and drawn the shell: one long task on a slow phone becomes two short ones.
  const { openDatabase } = await import('../db/open-database');
  // Dexie's code ran in the import's task; declaring the database's versions is the next one.
  await nextTask();
  const result = await openDatabase({
    onVersionChange: () => databaseState.set({ status: 'outdated' }),
    onSlow: (error) => databaseState.get().status === 'opening' && databaseState.set({ status: 'failed', error }),
  });
  if (!result.ok) {
    databaseState.set({ status: 'failed', error: result.error });
    return;
  }
  // Dexie's own work on opening ran in the open's task; reading the device and event is the next.
  await nextTask();
  let event: FestivalEvent;
  try {
    await ensureDeviceIdentity(result.db, { deviceId: crypto.randomUUID(), firstOpenedAt: new Date().toISOString() });
    // Until the phone joins an event on a server, it works for a local one on its own clock.
    event = await ensureEvent(result.db, () =>
      defaultEvent(crypto.randomUUID(), Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
    );
  } catch (error) {
    databaseState.set({ status: 'failed', error: toOpeningError(error) });
    return;
  }
  databaseState.set({ status: 'ready', db: result.db });
  void warmUpIntl(event.timezone);
  void requestPersistentStorage();
  // Nothing typed waits for them: saves go to the outbox, which they send once loaded.
  afterFirstScreen(() => {
    startSync(result.db);
    startPhotoUploads(result.db);
  });
}

export function useDatabaseState(): DatabaseState {
  return useStore(databaseState);
}
