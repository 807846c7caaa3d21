import type { EventPayload, EventType } from '@eventline/contracts';

export interface PublishOptions {
  /** Kafka key; default: the payload's catalog key field, so one entity's events keep their order. */
  readonly key?: string;
  /** CloudEvents id; default: a new UUID. */
  readonly id?: string;
  readonly time?: Date;
  readonly traceparent?: string;
  /** Extra record headers; the CloudEvents headers always win. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * What the app injects to publish catalog events. An abstract class so it serves as the Nest
 * token as well as the type: `constructor(private readonly events: EventlinePublisher)`.
 */
export abstract class EventlinePublisher {
  /** Resolves once the broker acknowledged the record (acks=all). */
  abstract publish<T extends EventType>(type: T, payload: EventPayload<T>, options?: PublishOptions): Promise<void>;
  abstract connect(): Promise<void>;
  /** Waits for every publish already started; called on shutdown before `close`. */
  abstract flush(): Promise<void>;
  abstract close(): Promise<void>;
  /** Whether the producer is connected to the cluster right now (for the health check). */
  abstract readonly connected: boolean;
}
