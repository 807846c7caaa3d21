import { Kafka, logLevel, type Admin, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import { explainKafkaError, kafkaJsConnection, type ConnectionSettings } from '@eventline/connection';
import { CONSOLE_READER_GROUP_PREFIX } from '@eventline/contracts';
import { useReaderGroupPrefix } from '@eventline/ops';
import { ConsoleError, ConsoleErrorCode } from '../errors/console.error';

/**
 * The console's one kafkajs client and its admin. The admin connects at boot: a refusal
 * (credentials, certificate, protocol, ACL) ends the start in one line; Kafka being away
 * too, since every page needs it and a console that starts blind only hides the cause.
 */
export class ConsoleKafka {
  readonly kafka: Kafka;
  readonly admin: Admin;

  constructor(
    private readonly connection: ConnectionSettings,
    log: Logger,
  ) {
    const kafkaLog = log.child({ component: 'kafkajs' });
    this.kafka = new Kafka({
      clientId: 'eventline-console',
      ...kafkaJsConnection(connection.kafka),
      logLevel: logLevel.WARN,
      // kafkajs's own lines go to the console's log, structured; they carry no secrets.
      logCreator: () => (entry: LogEntry) => {
        const { message, ...rest } = entry.log;
        if (entry.level <= logLevel.ERROR) kafkaLog.error({ namespace: entry.namespace, ...rest }, message);
        else kafkaLog.warn({ namespace: entry.namespace, ...rest }, message);
      },
      connectionTimeout: 5_000,
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 },
    });
    this.admin = this.kafka.admin();
    // Group-less reads (pages, the audit log) join throwaway groups the console's ACLs grant.
    useReaderGroupPrefix(this.kafka, CONSOLE_READER_GROUP_PREFIX);
  }

  async connect(): Promise<void> {
    try {
      await this.admin.connect();
    } catch (error) {
      const explained = explainKafkaError(error, this.connection.kafka);
      if (explained) throw explained;
      throw new ConsoleError(
        ConsoleErrorCode.KafkaUnavailable,
        `cannot reach Kafka at ${this.connection.kafka.brokers.join(',')} (${error instanceof Error ? error.message : String(error)}); set KAFKA_BROKERS or KAFKA_CLIENT_CONFIG`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    await this.admin.disconnect().catch(() => undefined);
  }
}
