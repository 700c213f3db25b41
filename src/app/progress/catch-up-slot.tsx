import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CatchUp } from '../../db/sync-state';
import { readSyncState } from '../../db/sync-state';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';

type Progress = FunctionComponent<{ catchUp: CatchUp; paused: boolean }>;

/**
 * Under the sync line on every screen, while a catch-up is under way. It follows the sync state
 * (where the engine writes each page's progress with its cursor); the bar's code loads the first
 * time there is one, so the first load stays small.
 */
export function CatchUpSlot() {
  const { db } = useSession();
  const state = useLiveQuery(() => readSyncState(db), [db]).data;
  const catchUp = state?.catchUp;
  const [Bar, setBar] = useState<Progress | null>(null);
  useEffect(() => {
    if (catchUp && !Bar) void import('./catch-up-progress').then((m) => setBar(() => m.default));
  }, [catchUp, Bar]);
  return catchUp && Bar ? <Bar catchUp={catchUp} paused={!!state.lastError} /> : null;
}
