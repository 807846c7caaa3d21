export { EventPublisher, type EventPublisherOptions, type EventToPublish, type PublishOptions, type PublishReceipt } from './event-publisher';
export { PublishError, PublishErrorCode } from './publish.error';
export { SendBatcher, type OutgoingRecord, type SendReceipt } from './send-batcher';
