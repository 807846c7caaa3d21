export const OrderStatus = { Placed: 'PLACED', Paid: 'PAID', Cancelled: 'CANCELLED' } as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

export const OrderAction = { Pay: 'pay', Cancel: 'cancel' } as const;
export type OrderAction = (typeof OrderAction)[keyof typeof OrderAction];

/**
 * The only state changes there are. Paying twice, paying a cancelled order, cancelling a
 * paid one (a refund is a different process) all answer 409.
 */
const TRANSITIONS: Readonly<Record<OrderAction, { readonly from: readonly OrderStatus[]; readonly to: OrderStatus }>> = {
  [OrderAction.Pay]: { from: [OrderStatus.Placed], to: OrderStatus.Paid },
  [OrderAction.Cancel]: { from: [OrderStatus.Placed], to: OrderStatus.Cancelled },
};

/** The status `action` leads to from `current`, or undefined when it is not allowed. */
export function nextStatus(action: OrderAction, current: OrderStatus): OrderStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : undefined;
}
