import { Logger } from '@nestjs/common';
import { ClientLogLevel, createKafkaJsClient, type ClientLogSink, type KafkaClient } from '@eventline/runtime';
import type { EventlineModuleOptions } from '../eventline-module.options';

/** One Kafka client per app, shared by the publisher and every consumer group. */
export function createKafkaClient(options: EventlineModuleOptions): KafkaClient {
  return createKafkaJsClient({
    ...options.kafka,
    clientId: options.clientId ?? 'eventline',
    brokers: [...options.brokers],
    log: nestKafkaLogSink(),
  });
}

/** The client's own log lines into Nest's logger, so an app has one log stream. */
function nestKafkaLogSink(): ClientLogSink {
  const logger = new Logger('kafka');
  return ({ namespace, level, message, extra }) => {
    const line = `${namespace ? `${namespace}: ` : ''}${message} ${JSON.stringify(extra)}`;
    if (level === ClientLogLevel.Error) logger.error(line);
    else if (level === ClientLogLevel.Warn) logger.warn(line);
    else if (level === ClientLogLevel.Info) logger.log(line);
    else logger.debug(line);
  };
}
