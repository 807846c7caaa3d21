import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
  /** Fetches again for the same key, keeping the data shown until the answer comes. */
  readonly reload: () => void;
}

/** One fetch per `key` (a page's inputs); an answer for an older key is dropped. */
export function useLoad<T>(fetcher: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ data: null, error: null, loading: true });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const [tick, setTick] = useState(0);
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // A new key shows nothing until its answer; a reload of the same key keeps what is shown
    // (so a panel below it, e.g. a redrive's result, stays mounted).
    const sameKey = loadedKey.current === key;
    loadedKey.current = key;
    setState((current) => (sameKey ? { ...current, loading: true } : { data: null, error: null, loading: true }));
    fetcherRef
      .current()
      .then((data) => !cancelled && setState({ data, error: null, loading: false }))
      .catch((error: unknown) => !cancelled && setState((current) => ({ data: sameKey ? current.data : null, error, loading: false })));
    return () => {
      cancelled = true;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
