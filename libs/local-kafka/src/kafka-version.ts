/**
 * The Apache Kafka release the local broker runs. Keep in step with `kafka.version` in
 * deploy/local/pom.xml.
 *
 * Why 4.1.1: it is a current 4.x release, and kafkajs 2.2.4 speaks to it for everything
 * Eventline uses (produce with idempotence, transactions, classic consumer groups, offset
 * commits with metadata, admin calls). Kafka 4.0 dropped protocol versions older than
 * Kafka 2.1 (KIP-896); kafkajs negotiates through ApiVersions and its newest versions are
 * above that floor. `libs/testing/src/kafkajs-compat.int-spec.ts` proves it.
 */
export const KAFKA_VERSION = '4.1.1';
