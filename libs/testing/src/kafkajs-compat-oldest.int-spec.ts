/**
 * Expected: kafkajs 2.2.4 works against OLDEST_KAFKA_VERSION, the oldest Apache Kafka release
 * Eventline supports, for the same protocol areas as against the default version
 * (kafkajs-compat.cases.ts). The spec runs a broker of that version itself, beside the shared
 * test broker: its own port and its own jars and data (.cache/kafka/<version>/), fetched by
 * Maven through deploy/local/pom.xml on the first run.
 */
import { Kafka, logLevel } from 'kafkajs';
import { LocalKafka, OLDEST_KAFKA_VERSION, type SharedCluster } from '@eventline/local-kafka';
import { describeKafkajsCompat } from './kafkajs-compat.cases';

// Beside every port the launcher's other clusters use (9092-9093, 9192-9194, 19092-19094,
// 19192-19194); the controller takes 19693.
const OLDEST_BROKER_PORT = 19692;

describe(`Kafka ${OLDEST_KAFKA_VERSION}, the oldest release Eventline supports`, () => {
  const broker = new LocalKafka({ version: OLDEST_KAFKA_VERSION, port: OLDEST_BROKER_PORT });
  let use: SharedCluster | undefined;

  // share(): parallel runs in one checkout use one broker, and the last of them stops it.
  // The launcher waits for the broker to answer metadata, bounded by its start timeout.
  beforeAll(async () => {
    use = await broker.share();
  }, 240_000);

  afterAll(async () => {
    await use?.release();
  }, 60_000);

  describeKafkajsCompat(`kafkajs 2.2.4 against Kafka ${OLDEST_KAFKA_VERSION}`, () =>
    new Kafka({ clientId: 'eventline-compat-oldest', brokers: broker.bootstrap, logLevel: logLevel.NOTHING }),
  );
});
