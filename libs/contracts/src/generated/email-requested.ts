// Generated from schemas/notifications/EmailRequested.avsc by libs/contracts/tools/generate-types.ts.
// Do not edit: change the .avsc, then run `npx nx run contracts:generate`.
import type { AvroEventSchema } from '../avro/avro-schema.types';

/** Some service asks the notifier to send one templated email. */
export interface EmailRequested {
  /** Identifier of this request; the notifier uses it to send at most once. */
  readonly notificationId: string;
  /** Customer the email is for; the Kafka key, so one customer's emails go out in order. */
  readonly customerId: string;
  /** Recipient address. */
  readonly to: string;
  /** Which email to render. */
  readonly template: EmailTemplate;
  /** Values substituted into the template, by placeholder name. */
  readonly variables: Readonly<Record<string, string>>;
  /** Order the email is about, when there is one. */
  readonly orderId: string | null;
  /** When the email was requested (UTC). */
  readonly requestedAt: number;
}

/** Templates the notifier knows how to render. */
export type EmailTemplate = 'ORDER_CONFIRMATION' | 'PAYMENT_RECEIVED' | 'ORDER_CANCELLED' | 'SHIPMENT_DISPATCHED';

/** The Avro schema of {@link EmailRequested}, exactly as in schemas/notifications/EmailRequested.avsc. */
export const EmailRequestedSchema = {
  "type": "record",
  "name": "EmailRequested",
  "namespace": "dev.eventline.notifications",
  "doc": "Some service asks the notifier to send one templated email.",
  "fields": [
    {
      "name": "notificationId",
      "type": "string",
      "doc": "Identifier of this request; the notifier uses it to send at most once."
    },
    {
      "name": "customerId",
      "type": "string",
      "doc": "Customer the email is for; the Kafka key, so one customer's emails go out in order."
    },
    {
      "name": "to",
      "type": "string",
      "doc": "Recipient address."
    },
    {
      "name": "template",
      "doc": "Which email to render.",
      "type": {
        "type": "enum",
        "name": "EmailTemplate",
        "doc": "Templates the notifier knows how to render.",
        "symbols": [
          "ORDER_CONFIRMATION",
          "PAYMENT_RECEIVED",
          "ORDER_CANCELLED",
          "SHIPMENT_DISPATCHED"
        ]
      }
    },
    {
      "name": "variables",
      "type": {
        "type": "map",
        "values": "string"
      },
      "doc": "Values substituted into the template, by placeholder name."
    },
    {
      "name": "orderId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Order the email is about, when there is one."
    },
    {
      "name": "requestedAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "When the email was requested (UTC)."
    }
  ]
} as const satisfies AvroEventSchema;
