import { logLevel, type logCreator } from 'kafkajs';
import { ClientLogLevel, type ClientLogSink } from '../kafka-client.port';

const LEVELS: Record<number, ClientLogLevel> = {
  [logLevel.ERROR]: ClientLogLevel.Error,
  [logLevel.WARN]: ClientLogLevel.Warn,
  [logLevel.INFO]: ClientLogLevel.Info,
  [logLevel.DEBUG]: ClientLogLevel.Debug,
};

/** kafkajs's log lines into a sink of the port's entries. */
export function kafkaJsLogCreator(sink: ClientLogSink): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      sink({ level: LEVELS[level] ?? ClientLogLevel.Debug, namespace: namespace ?? '', message: String(message), extra });
    };
}
