import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';

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

/**
 * The oldest Apache Kafka release Eventline supports, and the oldest the launcher runs.
 * `libs/testing/src/kafkajs-compat-oldest.int-spec.ts` runs the compatibility cases against
 * a broker of this version in every test run.
 */
export const OLDEST_KAFKA_VERSION = '3.9.2';

const RELEASE = /^(\d+)\.(\d+)\.(\d+)$/;

function parts(version: string): [number, number, number] | undefined {
  const m = RELEASE.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Negative, zero or positive as release `a` is older than, the same as or newer than `b`. */
export function compareKafkaVersions(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  if (!pa || !pb) throw new Error(`not a Kafka release: ${pa ? b : a}`);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

/**
 * A release the launcher can run: `major.minor.patch` (it names a Maven artifact and a cache
 * folder) and not older than OLDEST_KAFKA_VERSION (older ones are untested; before 3.3 KRaft,
 * the only mode the launcher configures, was not production-ready).
 */
export function checkedKafkaVersion(version: string): string {
  if (!RELEASE.test(version)) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.InvalidOption,
      `"${version}" is not an Apache Kafka release number (expected major.minor.patch, e.g. ${KAFKA_VERSION}).`,
      `Leave the version out for ${KAFKA_VERSION}, or name a release that Maven Central serves as org.apache.kafka:kafka_2.13.`,
    );
  }
  if (compareKafkaVersions(version, OLDEST_KAFKA_VERSION) < 0) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.InvalidOption,
      `Kafka ${version} is older than ${OLDEST_KAFKA_VERSION}, the oldest release Eventline supports and tests.`,
      `Use ${OLDEST_KAFKA_VERSION} or newer (the default is ${KAFKA_VERSION}).`,
    );
  }
  return version;
}
