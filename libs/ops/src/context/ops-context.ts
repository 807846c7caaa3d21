import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { ConnectionErrorCode, explainKafkaError, kafkaJsConnection, registryClientConnection, type ConnectionError, type ConnectionSettings } from '@eventline/connection';
import { OpsError, OpsErrorCode, OpsRemedy } from '../errors/ops.error';
import { useReaderGroupPrefix } from '../read/reader-group-prefix';

export interface OpsContextOptions {
  /** Kafka client id, as brokers log and quota it: the front end's name (`eventline-cli`). */
  readonly clientId?: string;
  readonly now?: () => number;
  /** The throwaway reader groups' name prefix its principal is granted (default `eventline-cli-`). */
  readonly readerGroupPrefix?: string;
}

/**
 * What an operation runs with: one Kafka client, an admin connected on first use, producers
 * it closes at the end, and a codec created only when something must be decoded (so
 * operations that copy bytes work with the registry down). Front ends construct one per
 * command or request and close it when done.
 */
export class OpsContext {
  readonly kafka: Kafka;
  readonly now: () => number;
  private adminClient?: Promise<Admin>;
  private codecInstance?: AvroCodec;
  private readonly producers: Producer[] = [];

  constructor(
    readonly connection: ConnectionSettings,
    options: OpsContextOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'eventline-ops',
      ...kafkaJsConnection(connection.kafka),
      // kafkajs logs to stdout, which belongs to a front end's results; failures reach the operator as errors.
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      // Fail in seconds when Kafka is not there, instead of kafkajs's default ~30 s of retries.
      retry: { retries: 3, initialRetryTime: 250, maxRetryTime: 2_000 },
    });
    if (options.readerGroupPrefix !== undefined) useReaderGroupPrefix(this.kafka, options.readerGroupPrefix);
  }

  admin(): Promise<Admin> {
    if (!this.adminClient) {
      const admin = this.kafka.admin();
      this.adminClient = admin.connect().then(
        () => admin,
        (err: unknown) => {
          throw this.kafkaUnavailable(err);
        },
      );
    }
    return this.adminClient;
  }

  /**
   * Idempotent with acks=all (set per send): a retried batch is written once, in order, and
   * only counts as sent when every in-sync replica has it.
   */
  async producer(): Promise<Producer> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false });
    try {
      await producer.connect();
    } catch (err) {
      throw this.kafkaUnavailable(err);
    }
    this.producers.push(producer);
    return producer;
  }

  codec(): AvroCodec {
    // Production mode: a tool that only reads must never register a schema.
    const registry = registryClientConnection(this.connection.registry);
    this.codecInstance ??= new AvroCodec({
      registry: new ConfluentSchemaRegistryClient({ host: registry.url, authorization: registry.authorization, ca: registry.ca, timeoutMs: 5_000 }),
      mode: CodecMode.Production,
    });
    return this.codecInstance;
  }

  kafkaUnavailable(err: unknown): OpsError {
    const explained = this.explain(err);
    if (explained) return explained;
    const reason = err instanceof Error ? err.message : String(err);
    return new OpsError(OpsErrorCode.KafkaUnavailable, `cannot reach Kafka at ${this.connection.kafka.brokers.join(',')} (${reason})`, {
      cause: err,
      detail: { remedy: OpsRemedy.ConfigureBrokers },
    });
  }

  /**
   * A Kafka failure with a name (credentials, certificate, protocol, missing ACL) as a
   * one-line error; undefined for anything else.
   */
  explain(err: unknown): OpsError | undefined {
    const explained = explainKafkaError(err, this.connection.kafka);
    return explained ? fromConnectionError(explained) : undefined;
  }

  async close(): Promise<void> {
    const admin = this.adminClient;
    this.adminClient = undefined;
    await Promise.allSettled([...this.producers.map((p) => p.disconnect()), admin?.then((a) => a.disconnect())]);
  }
}

function fromConnectionError(error: ConnectionError): OpsError {
  const code =
    error.code === ConnectionErrorCode.NotAuthorized
      ? OpsErrorCode.NotAuthorized
      : error.code === ConnectionErrorCode.Unreachable
        ? OpsErrorCode.KafkaUnavailable
        : OpsErrorCode.AuthenticationFailed;
  return new OpsError(code, error.message, { cause: error });
}
