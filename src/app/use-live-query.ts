import { useEffect, useState } from 'preact/hooks';

export interface LiveQueryState<T> {
  data: T | undefined;
  error: unknown;
  /** False until the first result (or error) arrived: tells "loading" from "not there". */
  loaded: boolean;
}

/**
 * Follows a Dexie query: re-renders whenever a write (from this tab or another) changes its
 * result. Components render stored data from here and never keep their own copy.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ data: undefined, error: undefined, loaded: false });
  useEffect(() => {
    // Components that read stored data render only once the database is open, so Dexie is
    // loaded by then; importing it here keeps it out of the first script task.
    let unsubscribe: (() => void) | undefined;
    let stopped = false;
    void import('dexie').then(({ liveQuery }) => {
      if (stopped) return;
      const subscription = liveQuery(query).subscribe({
        // The same answer again (a count, a role) after a write elsewhere renders nothing again:
        // after a sync, each re-render of the session's provider redrew the whole screen.
        next: (data) =>
          setState((previous) =>
            previous.loaded && previous.error === undefined && Object.is(previous.data, data)
              ? previous
              : { data, error: undefined, loaded: true },
          ),
        error: (error: unknown) => setState((previous) => ({ data: previous.data, error, loaded: true })),
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      stopped = true;
      unsubscribe?.();
    };
    // eslint-style exhaustive deps are the caller's responsibility, as with useMemo.
  }, deps);
  return state;
}
