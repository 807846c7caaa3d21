// Generated from schemas/orders/OrderPaid.avsc by libs/contracts/tools/generate-types.ts.
// Do not edit: change the .avsc, then run `npx nx run contracts:generate`.
import type { AvroEventSchema } from '../avro/avro-schema.types';

/** The payment provider captured the order total. */
export interface OrderPaid {
  /** Order the payment belongs to; the Kafka key. */
  readonly orderId: string;
  /** Identifier the payment provider gave this capture. */
  readonly paymentId: string;
  /** Captured amount in minor units of currency. */
  readonly amountMinor: bigint;
  /** ISO 4217 currency code of amountMinor. */
  readonly currency: string;
  /** How the customer paid. */
  readonly method: PaymentMethod;
  /** When the provider confirmed the capture (UTC). */
  readonly paidAt: number;
}

/** Payment instruments the shop accepts. */
export type PaymentMethod = 'CARD' | 'BANK_TRANSFER' | 'WALLET';

/** The Avro schema of {@link OrderPaid}, exactly as in schemas/orders/OrderPaid.avsc. */
export const OrderPaidSchema = {
  "type": "record",
  "name": "OrderPaid",
  "namespace": "dev.eventline.orders",
  "doc": "The payment provider captured the order total.",
  "fields": [
    {
      "name": "orderId",
      "type": "string",
      "doc": "Order the payment belongs to; the Kafka key."
    },
    {
      "name": "paymentId",
      "type": "string",
      "doc": "Identifier the payment provider gave this capture."
    },
    {
      "name": "amountMinor",
      "type": "long",
      "doc": "Captured amount in minor units of currency."
    },
    {
      "name": "currency",
      "type": "string",
      "doc": "ISO 4217 currency code of amountMinor."
    },
    {
      "name": "method",
      "doc": "How the customer paid.",
      "type": {
        "type": "enum",
        "name": "PaymentMethod",
        "doc": "Payment instruments the shop accepts.",
        "symbols": [
          "CARD",
          "BANK_TRANSFER",
          "WALLET"
        ]
      }
    },
    {
      "name": "paidAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "When the provider confirmed the capture (UTC)."
    }
  ]
} as const satisfies AvroEventSchema;
