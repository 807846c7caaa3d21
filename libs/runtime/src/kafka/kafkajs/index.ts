export { createKafkaJsClient, kafkaJsAdmin, kafkaJsClient, type KafkaJsLike } from './kafkajs-client';
