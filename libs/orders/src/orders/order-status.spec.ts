import { nextStatus, OrderAction, OrderStatus } from './order-status';

describe('order transitions', () => {
  it.each([
    [OrderAction.Pay, OrderStatus.Placed, OrderStatus.Paid],
    [OrderAction.Cancel, OrderStatus.Placed, OrderStatus.Cancelled],
    [OrderAction.Pay, OrderStatus.Paid, undefined],
    [OrderAction.Pay, OrderStatus.Cancelled, undefined],
    [OrderAction.Cancel, OrderStatus.Paid, undefined],
    [OrderAction.Cancel, OrderStatus.Cancelled, undefined],
  ])('%s from %s leads to %s', (action, from, to) => {
    expect(nextStatus(action, from)).toBe(to);
  });
});
