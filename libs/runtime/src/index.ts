export * from './instrumentation/runtime-events';
export { RuntimeMetrics } from './instrumentation/prometheus.metrics';
export { attachRuntimeLogs } from './instrumentation/log.subscriber';
export { RuntimeError, RuntimeErrorCode } from './errors/runtime.error';
export { classifyFailure, FailureKind, errorCode, errorClass } from './errors/failure-classifier';
export { DEFAULT_RETRY_POLICY, retryPolicy, type RetryPolicy } from './retry/retry-policy';
export { FailureAction, decideFailure, type FailureDecision } from './failure/failure-decision';
export * from './dead-letter/dead-letter-headers';
export { DEFAULT_COMMIT_POLICY, type CommitPolicy, type TopicPartitionOffset } from './offsets/offset-tracker';
export { ANY_EVENT_TYPE, ProcessingMode, type EventContext, type EventHandler, type EventRoute } from './consumer/event-route';
export { rawRecordDecoder, type RecordDecoder } from './consumer/record-decoder';
export { CloudEventAvroDecoder } from './consumer/cloud-event-avro.decoder';
export { CONSUMER_FETCH_DEFAULTS, EventConsumer, type EventConsumerOptions } from './consumer/event-consumer';
export type { HandlerInterceptor, HandlerInvocation } from './consumer/handler-interceptor';
export { composeInterceptors, type Interceptor } from './interceptors/interceptor';
export { assertTopicsExist, missingTopics, type GroupTopics, type MissingTopic } from './admin/topic-preflight';
export * from './kafka/kafka-client.port';
export type { BatchControls, ConsumedBatch, ConsumedRecord, PartitionAssignment, RecordHeaders, RecordHeaderValue } from './kafka/consumed-record';
export {
  AcknowledgedSender,
  createKafkaJsClient,
  kafkaJsAdmin,
  kafkaJsClient,
  PartitionCounts,
  type AcknowledgedSendConfig,
  type KafkaJsLike,
  type SendableRecord,
  type SendReport,
} from './kafka/kafkajs';
export * from './publisher';
export { provisionTopics, TopicMismatchError, type TopicCheck } from './admin/topic-provisioner';
export { filterKafkaJsTimeoutWarning } from './kafka/kafkajs/kafkajs-timeout-warning.filter';
export * from './tracing';
