// Generated from schemas/orders/OrderPlaced.avsc by libs/contracts/tools/generate-types.ts.
// Do not edit: change the .avsc, then run `npx nx run contracts:generate`.
import type { AvroEventSchema } from '../avro/avro-schema.types';

/** A customer checked out a cart; the order now exists and awaits payment. */
export interface OrderPlaced {
  /** Order identifier (UUID); the Kafka key of every event about this order. */
  readonly orderId: string;
  /** Identifier of the customer who placed the order. */
  readonly customerId: string;
  /** Address order confirmations are sent to, as given at checkout. */
  readonly customerEmail: string;
  /** What was ordered, one entry per product. */
  readonly lineItems: readonly LineItem[];
  /** Order total in minor units of currency, tax included. */
  readonly totalMinor: bigint;
  /** ISO 4217 currency code of every amount in this order, e.g. EUR. */
  readonly currency: string;
  /** When the customer placed the order (UTC). */
  readonly placedAt: number;
}

/** One product in an order. */
export interface LineItem {
  /** Stock keeping unit of the product. */
  readonly sku: string;
  /** Units ordered; at least 1. */
  readonly quantity: number;
  /** Price of one unit in minor units of the order currency (cents for EUR). */
  readonly unitPriceMinor: bigint;
}

/** The Avro schema of {@link OrderPlaced}, exactly as in schemas/orders/OrderPlaced.avsc. */
export const OrderPlacedSchema = {
  "type": "record",
  "name": "OrderPlaced",
  "namespace": "dev.eventline.orders",
  "doc": "A customer checked out a cart; the order now exists and awaits payment.",
  "fields": [
    {
      "name": "orderId",
      "type": "string",
      "doc": "Order identifier (UUID); the Kafka key of every event about this order."
    },
    {
      "name": "customerId",
      "type": "string",
      "doc": "Identifier of the customer who placed the order."
    },
    {
      "name": "customerEmail",
      "type": "string",
      "doc": "Address order confirmations are sent to, as given at checkout."
    },
    {
      "name": "lineItems",
      "doc": "What was ordered, one entry per product.",
      "type": {
        "type": "array",
        "items": {
          "type": "record",
          "name": "LineItem",
          "doc": "One product in an order.",
          "fields": [
            {
              "name": "sku",
              "type": "string",
              "doc": "Stock keeping unit of the product."
            },
            {
              "name": "quantity",
              "type": "int",
              "doc": "Units ordered; at least 1."
            },
            {
              "name": "unitPriceMinor",
              "type": "long",
              "doc": "Price of one unit in minor units of the order currency (cents for EUR)."
            }
          ]
        }
      }
    },
    {
      "name": "totalMinor",
      "type": "long",
      "doc": "Order total in minor units of currency, tax included."
    },
    {
      "name": "currency",
      "type": "string",
      "doc": "ISO 4217 currency code of every amount in this order, e.g. EUR."
    },
    {
      "name": "placedAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "When the customer placed the order (UTC)."
    }
  ]
} as const satisfies AvroEventSchema;
