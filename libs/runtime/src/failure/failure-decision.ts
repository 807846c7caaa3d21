import { FailureKind } from '../errors/failure-classifier';
import { retryDelayMs, type RetryPolicy } from '../retry/retry-policy';

/** Every failed attempt ends in exactly one of these. */
export const FailureAction = {
  Retry: 'retry',
  DeadLetter: 'dead-letter',
  /** No dead-letter topic to put the record in: stop rather than skip it silently. */
  Stop: 'stop',
} as const;
export type FailureAction = (typeof FailureAction)[keyof typeof FailureAction];

export type FailureDecision =
  | { readonly action: typeof FailureAction.Retry; readonly delayMs: number; readonly nextAttempt: number }
  | { readonly action: typeof FailureAction.DeadLetter; readonly reason: string }
  | { readonly action: typeof FailureAction.Stop; readonly reason: string };

/**
 * The one place that turns (kind of failure, attempt number, policy) into what happens next.
 * Poison and programming errors skip the retries: the same input would fail the same way.
 */
export function decideFailure(
  kind: FailureKind,
  attempt: number,
  policy: RetryPolicy,
  deadLetterEnabled: boolean,
  random?: () => number,
): FailureDecision {
  const retriable = kind === FailureKind.Retriable;
  if (retriable && attempt < policy.maxAttempts) {
    return { action: FailureAction.Retry, delayMs: retryDelayMs(policy, attempt + 1, random), nextAttempt: attempt + 1 };
  }
  const reason = retriable ? `attempt ${attempt} of ${policy.maxAttempts} failed` : `${kind} failure`;
  if (deadLetterEnabled) return { action: FailureAction.DeadLetter, reason };
  return { action: FailureAction.Stop, reason: `${reason} and the route has no dead-letter topic` };
}
