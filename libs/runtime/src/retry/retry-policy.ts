import { configError } from '../errors/runtime.error';

/**
 * Blocking retry: the failing record is attempted again before anything after it in its
 * partition, so order holds; the partition is paused in between so the consumer keeps
 * heartbeating and other partitions keep flowing.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. 1 = no retry. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  /** 0..1: the share of each delay that is randomised, so failing consumers do not retry in step. */
  readonly jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 30_000,
  multiplier: 2,
  jitter: 0.2,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}, where = 'retry'): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  const problems: string[] = [];
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) problems.push(`maxAttempts must be a whole number ≥ 1 (got ${policy.maxAttempts})`);
  if (!(policy.initialDelayMs >= 0)) problems.push(`initialDelayMs must be ≥ 0 (got ${policy.initialDelayMs})`);
  if (!(policy.maxDelayMs >= policy.initialDelayMs)) problems.push(`maxDelayMs must be ≥ initialDelayMs (got ${policy.maxDelayMs})`);
  if (!(policy.multiplier >= 1)) problems.push(`multiplier must be ≥ 1 (got ${policy.multiplier})`);
  if (!(policy.jitter >= 0 && policy.jitter <= 1)) problems.push(`jitter must be within 0..1 (got ${policy.jitter})`);
  if (problems.length > 0) throw configError(`${where}: ${problems.join('; ')}`);
  return policy;
}

/** Delay before attempt `nextAttempt` (2 = the first retry): exponential, capped, with jitter. */
export function retryDelayMs(policy: RetryPolicy, nextAttempt: number, random: () => number = Math.random): number {
  const exponential = policy.initialDelayMs * policy.multiplier ** Math.max(0, nextAttempt - 2);
  const capped = Math.min(policy.maxDelayMs, exponential);
  const spread = capped * policy.jitter;
  return Math.max(0, Math.round(capped - spread + random() * 2 * spread));
}
