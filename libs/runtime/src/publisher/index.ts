export { EventPublisher } from './event-publisher';
export { DEFAULT_RESEND_POLICY, PublishCompression, type EventPublisherOptions } from './event-publisher.options';
export { PublishError, PublishErrorCode, isPublishError, type PublishErrorDetails } from './publish.error';
export type { OutgoingEvent, PublishOptions, PublishReceipt } from './publish.types';
export { partitionForKey } from './murmur2.partitioner';
export type { PublishInterceptor, PublishInvocation } from './publish-interceptor';
