import { Kafka, logLevel } from 'kafkajs';
import { ConnectionError, ConnectionErrorCode } from '../errors/connection-config.error';
import type { KafkaConnectionSettings } from '../settings/connection-settings';
import { explainKafkaError } from './kafka-connect-failure';
import { kafkaJsConnection } from './kafkajs-config';

export interface VerifyKafkaOptions {
  /** Overall bound; the default suits a start-up check (a few seconds, never a retry storm). */
  readonly timeoutMs?: number;
  readonly clientId?: string;
}

/**
 * Connects once with the given settings and asks for the cluster's metadata. Resolves when
 * Kafka let us in; otherwise throws a ConnectionError whose message is one line naming the
 * cause and the setting to change. Authentication and TLS failures are not retried: they do
 * not pass by themselves, and kafkajs would otherwise spend ~30 s of backoff on them.
 */
export async function verifyKafkaConnection(kafka: KafkaConnectionSettings, options: VerifyKafkaOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const admin = new Kafka({
    ...kafkaJsConnection(kafka),
    clientId: options.clientId ?? kafka.clientId ?? 'eventline-connection-check',
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(5_000, timeoutMs),
    authenticationTimeout: Math.min(5_000, timeoutMs),
    requestTimeout: timeoutMs,
    retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    const explained = explainKafkaError(error, kafka);
    if (explained) throw explained;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConnectionError(
      ConnectionErrorCode.Unreachable,
      `cannot reach Kafka at ${kafka.brokers.join(',')} over ${kafka.securityProtocol} (${reason}); check ${kafka.brokersSource} and that the brokers run`,
      true,
      { cause: error },
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
