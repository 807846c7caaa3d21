import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';

/**
 * The Apache Kafka release the local broker runs. Keep in step with `kafka.version` in
 * deploy/local/pom.xml.
 *
 * Why 4.4.0: it is the newest release Maven Central serves (4.2.x, 4.3.x and 4.4.0 were there
 * on 2026-12-01), and kafkajs 2.2.4 demonstrably works with it. On 2026-12-01 a 4.4.0 broker
 * beside the default one passed `libs/testing/src/kafkajs-compat.int-spec.ts` (4 of 4:
 * idempotent produce with acks=all, transactions committed and aborted under read_committed,
 * a classic consumer group committing offsets with metadata, the admin calls Eventline uses)
 * and every other integration spec that runs on the plain broker (68 files, 170 of 170 tests:
 * runtime, nest, cli, pipeline, orders, reliability, schema registry); only the specs that
 * run their own secure or three-node cluster were left out. Kafka 4.0 dropped protocol
 * versions older than Kafka 2.1 (KIP-896); kafkajs negotiates through ApiVersions and the
 * versions it speaks are above that floor.
 */
export const KAFKA_VERSION = '4.4.0';

/**
 * The oldest Apache Kafka release Eventline supports, and the oldest the launcher runs.
 * `libs/testing/src/kafkajs-compat-oldest.int-spec.ts` runs the compatibility cases against
 * a broker of this version in every test run.
 *
 * Why 3.7: managed services still run 3.x. Amazon MSK lists 3.7.x, 3.8.x (its recommended
 * version) and 3.9.x without an end-of-support date, and 3.6.0 with one (2026-06-01), so 3.7
 * is the oldest line a managed cluster is still kept on; it is also after KRaft became
 * production-ready (3.3), which is the only mode the launcher configures. 3.7.2 is that
 * line's last patch on Maven Central. On 2026-12-01 a 3.7.2 broker passed the compatibility
 * cases (4 of 4) and the same 68 integration spec files as 4.4.0 (170 of 170 tests).
 */
export const OLDEST_KAFKA_VERSION = '3.7.2';

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
