import type { EventType } from '@eventline/contracts';
import type { Interceptor } from '../interceptors/interceptor';
import type { PublishReceipt } from './publish.types';

/**
 * What an interceptor around a publish sees, before the event is encoded: it may add headers
 * (a trace context, a tenant) and read the receipt once `next()` resolved, which is when
 * Kafka acknowledged the event's partition.
 */
export interface PublishInvocation {
  readonly eventType: EventType;
  /** The physical topic the event goes to. */
  readonly topic: string;
  /** The Kafka key (the catalog key field unless the caller gave one). */
  readonly key: string | undefined;
  /** CloudEvents `ce_id`, fixed before the interceptors run. */
  readonly id: string;
  readonly payload: unknown;
  /** CloudEvents `ce_time` when the caller gave one (else the time of encoding). */
  readonly time?: Date;
  /** Extra record headers; the CloudEvents headers always win. */
  readonly headers: Record<string, string>;
  /** W3C trace context carried as the `traceparent` header (CloudEvents distributed tracing extension). */
  traceparent?: string;
  /** Set once Kafka acknowledged the event. */
  receipt?: PublishReceipt;
}

/** Around every publish, from the call to the acknowledgement (see interceptors/interceptor.ts). */
export type PublishInterceptor = Interceptor<PublishInvocation>;
