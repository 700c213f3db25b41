import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { readSyncState, type SyncState } from '../../db/sync-state';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';

/**
 * Under the sync line on every screen, while a catch-up is under way. It follows the sync state
 * (where the engine writes each page's progress with its cursor); the bar's code loads the first
 * time there is one, so the first load stays small.
 */
export function CatchUpSlot() {
  const { db } = useSession();
  const state = useLiveQuery(() => readSyncState(db), [db]).data;
  const [Bar, setBar] = useState<FunctionComponent<{ state: SyncState }> | null>(null);
  const shown = !!state?.catchUp;
  useEffect(() => {
    if (shown && !Bar) void import('./catch-up-progress').then((m) => setBar(() => m.default));
  }, [shown, Bar]);
  return shown && Bar ? <Bar state={state!} /> : null;
}
