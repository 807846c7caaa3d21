import { RateLimiter } from './rate-limiter';

function fakeClock() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    waits,
  };
}

describe('RateLimiter', () => {
  it('lets the first chunk go at once and spaces the next ones by the rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(100, clock.now, clock.sleep);
    for (let i = 0; i < 4; i += 1) await limiter.acquire(limiter.chunkSize);
    expect(limiter.chunkSize).toBe(10);
    expect(clock.waits).toEqual([100, 100, 100]);
  });

  it('does not wait when sends are already slower than the rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(10, clock.now, clock.sleep);
    await limiter.acquire(1);
    clock.advance(500);
    await limiter.acquire(1);
    expect(clock.waits).toEqual([]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new RateLimiter(0)).toThrow(/rate must be > 0/);
  });
});
