import { useEffect, useState } from 'preact/hooks';

/** A value outside the component tree that components can read and follow. */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    const unsubscribe = store.subscribe((next) => setValue(() => next));
    // The store may have changed between render and this effect.
    setValue(() => store.get());
    return unsubscribe;
  }, [store]);
  return value;
}
