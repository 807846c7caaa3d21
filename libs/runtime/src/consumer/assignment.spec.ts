import { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { OffsetTracker } from '../offsets/offset-tracker';
import { Assignment } from './assignment';

const newAssignment = () => new Assignment('group', new OffsetTracker(), new RuntimeInstrumentation());

describe('Assignment (ownership)', () => {
  it('after a revoke starts nothing, but lets running records finish until the next assignment', () => {
    const ownership = newAssignment();
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
    const ownership = newAssignment();
    ownership.assign({ orders: [0] });
    ownership.revokeAll();
    expect(ownership.mayFinish('orders', 5)).toBe(false);
  });
});
