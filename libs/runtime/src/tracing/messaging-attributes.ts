/**
 * The OpenTelemetry messaging semantic conventions for Kafka that Eventline's spans carry
 * (https://opentelemetry.io/docs/specs/semconv/messaging/kafka/), plus the two of our own.
 * Written out here rather than imported: the conventions package is large and these names
 * are stable.
 */
export const MessagingAttribute = {
  System: 'messaging.system',
  Operation: 'messaging.operation.type',
  OperationName: 'messaging.operation.name',
  Destination: 'messaging.destination.name',
  Partition: 'messaging.destination.partition.id',
  Offset: 'messaging.kafka.offset',
  Key: 'messaging.kafka.message.key',
  ConsumerGroup: 'messaging.consumer.group.name',
  MessageId: 'messaging.message.id',
  ErrorType: 'error.type',
  /** Ours: the CloudEvents type of the event. */
  EventType: 'eventline.event.type',
  /** Ours: 1 on a record's first handler attempt. */
  Attempt: 'eventline.attempt',
} as const;

export const KAFKA_SYSTEM = 'kafka';

/** The W3C header the CloudEvents distributed-tracing extension names `traceparent`, in Kafka binary mode. */
export const CE_TRACEPARENT_HEADER = 'ce_traceparent';
export const TRACESTATE_HEADER = 'tracestate';
