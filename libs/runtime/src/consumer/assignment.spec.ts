import { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { OffsetTracker } from '../offsets/offset-tracker';
import { Assignment } from './assignment';

const newAssignment = () => new Assignment('group', new OffsetTracker(), new RuntimeInstrumentation());

describe('Assignment (ownership)', () => {
  it('after a revoke starts nothing, but lets running records finish until the next assignment', () => {
    const ownership = newAssignment();
    ownership.assign({ orders: [0, 1] });
    ownership.revokeAll();
    expect(ownership.get('orders', 0)?.owns() ?? false).toBe(false);
    expect(ownership.get('orders', 0)?.mayFinish() ?? false).toBe(true);
    expect(ownership.isDraining).toBe(true);

    ownership.assign({ orders: [1] });
    expect(ownership.get('orders', 0)?.mayFinish() ?? false).toBe(false);
    expect(ownership.get('orders', 1)?.owns() ?? false).toBe(true);
    expect(ownership.isDraining).toBe(false);
  });

  it('never lets a partition that was not owned finish', () => {
    const ownership = newAssignment();
    ownership.assign({ orders: [0] });
    ownership.revokeAll();
    expect(ownership.get('orders', 5)?.mayFinish() ?? false).toBe(false);
  });
});
