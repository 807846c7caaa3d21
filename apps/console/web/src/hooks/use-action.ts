import { useCallback, useRef, useState } from 'react';

export interface Action<A extends unknown[], T> {
  readonly run: (...args: A) => Promise<T | undefined>;
  readonly busy: boolean;
  readonly result: T | null;
  readonly error: unknown;
  readonly reset: () => void;
}

/** A button's call: busy while it runs, then its result or its error (one at a time). */
export function useAction<A extends unknown[], T>(call: (...args: A) => Promise<T>): Action<A, T> {
  const [state, setState] = useState<{ busy: boolean; result: T | null; error: unknown }>({ busy: false, result: null, error: null });
  const callRef = useRef(call);
  callRef.current = call;
  const run = useCallback(async (...args: A) => {
    setState({ busy: true, result: null, error: null });
    try {
      const result = await callRef.current(...args);
      setState({ busy: false, result, error: null });
      return result;
    } catch (error) {
      setState({ busy: false, result: null, error });
      return undefined;
    }
  }, []);
  const reset = useCallback(() => setState({ busy: false, result: null, error: null }), []);
  return { run, ...state, reset };
}
