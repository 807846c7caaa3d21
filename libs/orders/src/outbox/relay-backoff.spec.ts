import { RelayBackoff } from './relay-backoff';

describe('relay backoff', () => {
  it('doubles from the minimum up to the cap, and starts over after a success', () => {
    const backoff = new RelayBackoff(100, 1_000, () => 1);
    expect([backoff.failed(), backoff.failed(), backoff.failed(), backoff.failed(), backoff.failed()]).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoff.consecutiveFailures).toBe(5);
    backoff.succeeded();
    expect(backoff.failed()).toBe(100);
  });

  it('jitters below the ceiling but never under the minimum', () => {
    const backoff = new RelayBackoff(100, 10_000, () => 0);
    backoff.failed();
    backoff.failed();
    expect(backoff.failed()).toBe(100);
  });

  it('refuses a nonsensical range', () => {
    expect(() => new RelayBackoff(0, 10)).toThrow(RangeError);
    expect(() => new RelayBackoff(100, 10)).toThrow(RangeError);
  });
});
