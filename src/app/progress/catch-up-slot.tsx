import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { readSyncState, type SyncState } from '../../db/sync-state';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';

let Bar: FunctionComponent<{ state: SyncState }> | undefined;
let requested = false;

/**
 * Under the sync line on every screen, while a catch-up is under way. It follows the sync state
 * (where the engine writes each page's progress with its cursor); the bar's code loads the first
 * time there is one, so the first load stays small (every byte here counts against its budget).
 */
export function CatchUpSlot() {
  const { db } = useSession();
  const state = useLiveQuery(() => readSyncState(db), [db]).data;
  const [, loaded] = useState(false);
  if (!state?.catchUp) return null;
  if (!requested) {
    requested = true;
    void import('./catch-up-progress').then((m) => {
      Bar = m.default;
      loaded(true);
    });
  }
  // A slot mounted again while the code loaded shows the bar at the next page's update.
  return Bar ? <Bar state={state} /> : null;
}
