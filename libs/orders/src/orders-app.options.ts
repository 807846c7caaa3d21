import type { LogLevel } from '@nestjs/common';
import type { PublisherFactory, TopicNames } from '@eventline/nest';

/** What a caller of createOrdersApp may change beyond the env configuration. */
export interface OrdersAppOptions {
  /**
   * Physical topic names of the catalog topics; default `EVENTLINE_TOPIC_PREFIX` + catalog
   * name. Tests map `orders` to a unique topic here.
   */
  readonly topicNames?: TopicNames;
  /** Builds the publisher the relay uses (tests inject Kafka outages here). */
  readonly publisherFactory?: PublisherFactory;
  /** Backoff of the relay after failed rounds; default 100 ms doubling up to 5 s. */
  readonly relayBackoff?: { readonly minMs: number; readonly maxMs: number };
  readonly logger?: false | LogLevel[];
}
