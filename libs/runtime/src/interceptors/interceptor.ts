import { RuntimeError, RuntimeErrorCode } from '../errors/runtime.error';

/**
 * One mechanism around both directions of the runtime: an interceptor gets the invocation
 * and `next`, runs whatever it wants before and after, and decides whether `next` runs at
 * all. Interceptors of a list run in order, the first outermost:
 *
 *   [a, b] → a(before) → b(before) → the work → b(after) → a(after)
 *
 * - An error thrown (or a rejection) by an interceptor is the work's error: on the consumer
 *   side the record's failure (classified, retried, dead-lettered like a handler's), on the
 *   publisher side the publish's.
 * - Not calling `next` skips the work: the record counts as handled, the event is not sent.
 * - `next` may be called once; a second call is a programming error.
 * - Synchronous all the way when every part is: an interceptor that returns `next()` of a
 *   synchronous handler keeps the consumer's synchronous fast path (no promise per record).
 *   An async interceptor works everywhere; it only costs the promise.
 */
export type Interceptor<Invocation> = (invocation: Invocation, next: () => void | Promise<void>) => void | Promise<void>;

/** The work at the centre of a chain. */
export type Terminal<Invocation> = (invocation: Invocation) => unknown;

/** Composes `interceptors` around `terminal`; with none, the terminal itself (no extra call per record). */
export function composeInterceptors<Invocation>(interceptors: ReadonlyArray<Interceptor<Invocation>>, terminal: Terminal<Invocation>): Terminal<Invocation> {
  let chain = terminal;
  for (let i = interceptors.length - 1; i >= 0; i--) {
    const interceptor = interceptors[i];
    const inner = chain;
    chain = (invocation) => {
      let called = false;
      return interceptor(invocation, () => {
        // A programming error in the interceptor: running the work twice would repeat its effects.
        if (called) throw new RuntimeError(RuntimeErrorCode.ConfigInvalid, 'an interceptor called next() twice', false, false);
        called = true;
        return inner(invocation) as void | Promise<void>;
      });
    };
  }
  return chain;
}

/** Checks a list given in options: every entry a function. */
export function checkInterceptors(name: string, interceptors: unknown): ReadonlyArray<Interceptor<never>> {
  if (interceptors === undefined) return [];
  if (!Array.isArray(interceptors) || interceptors.some((i) => typeof i !== 'function')) {
    throw new RuntimeError(RuntimeErrorCode.ConfigInvalid, `${name} must be a list of functions (invocation, next) => …`, false, false);
  }
  return interceptors as ReadonlyArray<Interceptor<never>>;
}
