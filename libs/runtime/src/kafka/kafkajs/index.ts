export { createKafkaJsClient, kafkaJsAdmin, kafkaJsClient, type KafkaJsLike } from './kafkajs-client';
export { AcknowledgedSender, type AcknowledgedSendConfig, type SendableRecord, type SendReport } from './acknowledged-send';
export { PartitionCounts, type TopicMetadataSource } from './partition-counts';
