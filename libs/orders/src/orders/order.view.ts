import type { OrderStatus } from './order-status';

/**
 * An order as the API shows it. Amounts are strings of minor units: JSON numbers lose
 * digits above 2^53 and an Avro long goes up to 2^63 - 1.
 */
export interface OrderView {
  readonly orderId: string;
  readonly customerId: string;
  readonly email: string;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly totalMinor: string;
  readonly lineItems: ReadonlyArray<{ readonly sku: string; readonly quantity: number; readonly unitPriceMinor: string }>;
  /** 1 when placed, +1 per change; equals the outbox sequence of the event announcing it. */
  readonly version: number;
  readonly paymentId: string | null;
  readonly cancelReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
