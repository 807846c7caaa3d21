/**
 * Expected: kafkajs 2.2.4 works against the Kafka version the launcher runs (KAFKA_VERSION in
 * libs/local-kafka/src/kafka-version.ts), or the cluster KAFKA_BROKERS names, for every
 * protocol area Eventline relies on (kafkajs-compat.cases.ts).
 */
import { KAFKA_VERSION } from '@eventline/local-kafka';
import { describeKafkajsCompat } from './kafkajs-compat.cases';
import { testKafka } from './test-kafka';

describeKafkajsCompat(`kafkajs 2.2.4 against the test broker (the launcher runs Kafka ${KAFKA_VERSION})`, () => testKafka());
