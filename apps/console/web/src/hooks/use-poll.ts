import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  /** The last good answer (kept while later polls fail). */
  readonly data: T | null;
  /** The last poll's error, null once a poll succeeds again. */
  readonly error: unknown;
  /** When the data shown was fetched (browser clock). */
  readonly fetchedAt: Date | null;
  /** True when the data shown is older than the last attempt: that attempt failed. */
  readonly stale: boolean;
  readonly reload: () => void;
}

/**
 * Fetches now and again `intervalMs` after each answer (never two calls in flight), restarting
 * when `key` changes. A failed poll keeps the last data and marks it stale.
 */
export function usePoll<T>(fetcher: () => Promise<T>, intervalMs: number, key: string): Polled<T> {
  const [state, setState] = useState<Omit<Polled<T>, 'reload'>>({ data: null, error: null, fetchedAt: null, stale: false });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ data: null, error: null, fetchedAt: null, stale: false });
    const poll = () => {
      fetcherRef
        .current()
        .then((data) => {
          if (!cancelled) setState({ data, error: null, fetchedAt: new Date(), stale: false });
        })
        .catch((error: unknown) => {
          if (!cancelled) setState((current) => ({ ...current, error, stale: current.data !== null }));
        })
        .finally(() => {
          if (!cancelled) timer = setTimeout(poll, intervalMs);
        });
    };
    poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, intervalMs, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
