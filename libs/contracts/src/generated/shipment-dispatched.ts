// Generated from schemas/shipments/ShipmentDispatched.avsc by libs/contracts/tools/generate-types.ts.
// Do not edit: change the .avsc, then run `npx nx run contracts:generate`.
import type { AvroEventSchema } from '../avro/avro-schema.types';

/** The carrier collected the parcel. */
export interface ShipmentDispatched {
  /** Identifier of the shipment. */
  readonly shipmentId: string;
  /** Order being shipped; the Kafka key. */
  readonly orderId: string;
  /** Carrier that collected the parcel. */
  readonly carrier: string;
  /** Carrier tracking number the customer can look up. */
  readonly trackingNumber: string;
  /** When the carrier scanned the parcel (UTC). */
  readonly dispatchedAt: number;
}

/** The Avro schema of {@link ShipmentDispatched}, exactly as in schemas/shipments/ShipmentDispatched.avsc. */
export const ShipmentDispatchedSchema = {
  "type": "record",
  "name": "ShipmentDispatched",
  "namespace": "dev.eventline.shipments",
  "doc": "The carrier collected the parcel.",
  "fields": [
    {
      "name": "shipmentId",
      "type": "string",
      "doc": "Identifier of the shipment."
    },
    {
      "name": "orderId",
      "type": "string",
      "doc": "Order being shipped; the Kafka key."
    },
    {
      "name": "carrier",
      "type": "string",
      "doc": "Carrier that collected the parcel."
    },
    {
      "name": "trackingNumber",
      "type": "string",
      "doc": "Carrier tracking number the customer can look up."
    },
    {
      "name": "dispatchedAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "When the carrier scanned the parcel (UTC)."
    }
  ]
} as const satisfies AvroEventSchema;
