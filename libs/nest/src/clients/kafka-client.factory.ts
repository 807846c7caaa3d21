import { Kafka, logLevel } from 'kafkajs';
import type { EventlineModuleOptions } from '../eventline-module.options';
import { nestKafkaLogCreator } from './kafka-log.creator';

/** One kafkajs client per app, shared by the publisher and every consumer group. */
export function createKafkaClient(options: EventlineModuleOptions): Kafka {
  return new Kafka({
    // kafkajs logs every join and commit at INFO; warnings and errors are what an operator needs.
    logLevel: logLevel.WARN,
    logCreator: nestKafkaLogCreator,
    ...options.kafka,
    clientId: options.clientId ?? 'eventline',
    brokers: [...options.brokers],
  });
}
