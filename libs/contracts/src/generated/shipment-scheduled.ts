// Generated from schemas/shipments/ShipmentScheduled.avsc by libs/contracts/tools/generate-types.ts.
// Do not edit: change the .avsc, then run `npx nx run contracts:generate`.
import type { AvroEventSchema } from '../avro/avro-schema.types';

/** The warehouse planned a shipment for a paid order. */
export interface ShipmentScheduled {
  /** Identifier of the shipment. */
  readonly shipmentId: string;
  /** Order being shipped; the Kafka key, so shipment events stay in order with each other. */
  readonly orderId: string;
  /** Carrier that will collect the parcel, e.g. DHL. */
  readonly carrier: string;
  /** Where the parcel goes. */
  readonly address: ShippingAddress;
  /** Planned pick-up time (UTC). */
  readonly scheduledFor: number;
}

/** A postal delivery address. */
export interface ShippingAddress {
  /** Name printed on the label. */
  readonly recipient: string;
  /** Street and house number. */
  readonly street: string;
  /** Postal code as written in the destination country. */
  readonly postalCode: string;
  /** City or town. */
  readonly city: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
}

/** The Avro schema of {@link ShipmentScheduled}, exactly as in schemas/shipments/ShipmentScheduled.avsc. */
export const ShipmentScheduledSchema = {
  "type": "record",
  "name": "ShipmentScheduled",
  "namespace": "dev.eventline.shipments",
  "doc": "The warehouse planned a shipment for a paid order.",
  "fields": [
    {
      "name": "shipmentId",
      "type": "string",
      "doc": "Identifier of the shipment."
    },
    {
      "name": "orderId",
      "type": "string",
      "doc": "Order being shipped; the Kafka key, so shipment events stay in order with each other."
    },
    {
      "name": "carrier",
      "type": "string",
      "doc": "Carrier that will collect the parcel, e.g. DHL."
    },
    {
      "name": "address",
      "doc": "Where the parcel goes.",
      "type": {
        "type": "record",
        "name": "ShippingAddress",
        "doc": "A postal delivery address.",
        "fields": [
          {
            "name": "recipient",
            "type": "string",
            "doc": "Name printed on the label."
          },
          {
            "name": "street",
            "type": "string",
            "doc": "Street and house number."
          },
          {
            "name": "postalCode",
            "type": "string",
            "doc": "Postal code as written in the destination country."
          },
          {
            "name": "city",
            "type": "string",
            "doc": "City or town."
          },
          {
            "name": "country",
            "type": "string",
            "doc": "ISO 3166-1 alpha-2 country code."
          }
        ]
      }
    },
    {
      "name": "scheduledFor",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "Planned pick-up time (UTC)."
    }
  ]
} as const satisfies AvroEventSchema;
