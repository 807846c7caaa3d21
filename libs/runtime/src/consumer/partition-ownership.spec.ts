import { PartitionOwnership } from './partition-ownership';

describe('PartitionOwnership', () => {
  it('after a revoke starts nothing, but lets running records finish until the next assignment', () => {
    const ownership = new PartitionOwnership();
    ownership.assign({ orders: [0, 1] });
    ownership.revokeAll();
    expect(ownership.owns('orders', 0)).toBe(false);
    expect(ownership.mayFinish('orders', 0)).toBe(true);
    expect(ownership.isDraining).toBe(true);

    ownership.assign({ orders: [1] });
    expect(ownership.mayFinish('orders', 0)).toBe(false);
    expect(ownership.owns('orders', 1)).toBe(true);
    expect(ownership.isDraining).toBe(false);
  });

  it('never lets a partition that was not owned finish', () => {
    const ownership = new PartitionOwnership();
    ownership.assign({ orders: [0] });
    ownership.revokeAll();
    expect(ownership.mayFinish('orders', 5)).toBe(false);
  });
});
