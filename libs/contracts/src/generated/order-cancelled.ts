// Generated from schemas/orders/OrderCancelled.avsc by libs/contracts/tools/generate-types.ts.
// Do not edit: change the .avsc, then run `npx nx run contracts:generate`.
import type { AvroEventSchema } from '../avro/avro-schema.types';

/** The order will not be fulfilled; any captured payment is to be refunded. */
export interface OrderCancelled {
  /** Order that was cancelled; the Kafka key. */
  readonly orderId: string;
  /** Why the order was cancelled. */
  readonly reason: CancellationReason;
  /** Free-text remark from support staff, if any. */
  readonly note: string | null;
  /** Amount to refund in minor units of currency; 0 when nothing was captured. */
  readonly refundMinor: bigint;
  /** ISO 4217 currency code of refundMinor. */
  readonly currency: string;
  /** When the cancellation took effect (UTC). */
  readonly cancelledAt: number;
}

/** Reasons an order can be cancelled. */
export type CancellationReason = 'CUSTOMER_REQUEST' | 'PAYMENT_FAILED' | 'OUT_OF_STOCK' | 'FRAUD_SUSPECTED';

/** The Avro schema of {@link OrderCancelled}, exactly as in schemas/orders/OrderCancelled.avsc. */
export const OrderCancelledSchema = {
  "type": "record",
  "name": "OrderCancelled",
  "namespace": "dev.eventline.orders",
  "doc": "The order will not be fulfilled; any captured payment is to be refunded.",
  "fields": [
    {
      "name": "orderId",
      "type": "string",
      "doc": "Order that was cancelled; the Kafka key."
    },
    {
      "name": "reason",
      "doc": "Why the order was cancelled.",
      "type": {
        "type": "enum",
        "name": "CancellationReason",
        "doc": "Reasons an order can be cancelled.",
        "symbols": [
          "CUSTOMER_REQUEST",
          "PAYMENT_FAILED",
          "OUT_OF_STOCK",
          "FRAUD_SUSPECTED"
        ]
      }
    },
    {
      "name": "note",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Free-text remark from support staff, if any."
    },
    {
      "name": "refundMinor",
      "type": "long",
      "doc": "Amount to refund in minor units of currency; 0 when nothing was captured."
    },
    {
      "name": "currency",
      "type": "string",
      "doc": "ISO 4217 currency code of refundMinor."
    },
    {
      "name": "cancelledAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "When the cancellation took effect (UTC)."
    }
  ]
} as const satisfies AvroEventSchema;
