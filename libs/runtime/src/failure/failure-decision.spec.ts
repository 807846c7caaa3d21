import { classifyFailure, FailureKind } from '../errors/failure-classifier';
import { retryPolicy } from '../retry/retry-policy';
import { decideFailure, FailureAction } from './failure-decision';

class FlaggedError extends Error {
  constructor(
    readonly retriable: boolean,
    readonly poison = false,
  ) {
    super('flagged');
  }
}

describe('classifyFailure', () => {
  it.each<[string, unknown, FailureKind]>([
    ['a poison-flagged error', new FlaggedError(false, true), FailureKind.Poison],
    ['a retriable-flagged error', new FlaggedError(true), FailureKind.Retriable],
    ['a non-retriable-flagged error', new FlaggedError(false), FailureKind.NonRetriable],
    ['a TypeError', new TypeError('x is undefined'), FailureKind.Programming],
    ['a ReferenceError', new ReferenceError('y'), FailureKind.Programming],
    ['a plain Error from a handler', new Error('downstream said 503'), FailureKind.Retriable],
    ['a thrown string', 'boom', FailureKind.Retriable],
  ])('classifies %s', (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('decideFailure', () => {
  const policy = retryPolicy({ maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000, multiplier: 2, jitter: 0 });

  it.each<[FailureKind, number, boolean, FailureAction]>([
    [FailureKind.Retriable, 1, true, FailureAction.Retry],
    [FailureKind.Retriable, 2, true, FailureAction.Retry],
    [FailureKind.Retriable, 3, true, FailureAction.DeadLetter],
    [FailureKind.Retriable, 3, false, FailureAction.Stop],
    [FailureKind.Poison, 1, true, FailureAction.DeadLetter],
    [FailureKind.NonRetriable, 1, true, FailureAction.DeadLetter],
    [FailureKind.Programming, 1, true, FailureAction.DeadLetter],
    [FailureKind.Programming, 1, false, FailureAction.Stop],
  ])('%s failure on attempt %d (DLQ: %s) → %s', (kind, attempt, dlq, action) => {
    expect(decideFailure(kind, attempt, policy, dlq).action).toBe(action);
  });

  it('backs off exponentially up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => {
      const d = decideFailure(FailureKind.Retriable, attempt, { ...policy, maxAttempts: 10 }, true);
      return d.action === FailureAction.Retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('spreads delays within ±jitter', () => {
    const jittery = retryPolicy({ initialDelayMs: 1_000, jitter: 0.5, maxAttempts: 5 });
    const low = decideFailure(FailureKind.Retriable, 1, jittery, true, () => 0);
    const high = decideFailure(FailureKind.Retriable, 1, jittery, true, () => 0.999999);
    expect(low).toMatchObject({ delayMs: 500 });
    expect(high).toMatchObject({ delayMs: 1_500 });
  });

  it.each([[{ maxAttempts: 0 }], [{ maxAttempts: -1 }], [{ initialDelayMs: -5 }], [{ jitter: 2 }], [{ multiplier: 0.5 }]])(
    'rejects the retry policy %p at construction',
    (overrides) => {
      expect(() => retryPolicy(overrides)).toThrow(/RUNTIME_CONFIG_INVALID|must be/);
    },
  );
});
