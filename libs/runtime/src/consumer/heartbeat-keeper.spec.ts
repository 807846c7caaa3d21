import { HeartbeatKeeper } from './heartbeat-keeper';

describe('HeartbeatKeeper', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('heartbeats every interval while work is pending, and stops once none is', async () => {
    const heartbeat = jest.fn(async () => undefined);
    const keeper = new HeartbeatKeeper(heartbeat, 1_000);
    keeper.enter();
    jest.advanceTimersByTime(3_500);
    expect(heartbeat).toHaveBeenCalledTimes(3);
    keeper.leave();
    jest.advanceTimersByTime(5_000);
    expect(heartbeat).toHaveBeenCalledTimes(3);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('starts no timer for work that never waits', () => {
    const keeper = new HeartbeatKeeper(async () => undefined, 1_000);
    expect(jest.getTimerCount()).toBe(0);
    void keeper.beatIfDue();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shares one timer between overlapping pieces of work', () => {
    const heartbeat = jest.fn(async () => undefined);
    const keeper = new HeartbeatKeeper(heartbeat, 1_000);
    keeper.enter();
    keeper.enter();
    expect(jest.getTimerCount()).toBe(1);
    keeper.leave();
    jest.advanceTimersByTime(1_000);
    expect(heartbeat).toHaveBeenCalledTimes(1);
    keeper.leave();
  });

  it('keeps a failed heartbeat (a rebalance) for the strategy instead of throwing it into the work', async () => {
    const rebalancing = new Error('The group is rebalancing');
    const keeper = new HeartbeatKeeper(() => Promise.reject(rebalancing), 1_000);
    const work = keeper.around(() => new Promise<string>((resolve) => setTimeout(() => resolve('done'), 1_500)));
    await jest.advanceTimersByTimeAsync(1_500);
    await expect(work).resolves.toBe('done');
    expect(keeper.failed).toBe(rebalancing);
  });
});
