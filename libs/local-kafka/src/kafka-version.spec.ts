import { checkedKafkaVersion, compareKafkaVersions, KAFKA_VERSION, OLDEST_KAFKA_VERSION } from './kafka-version';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';

describe('Kafka versions', () => {
  it.each([
    ['3.7.2', '4.4.0', -1],
    ['4.4.0', '4.3.1', 1],
    ['4.10.0', '4.9.9', 1],
    ['3.7.2', '3.9.10', -1],
    ['4.1.1', '4.1.1', 0],
  ])('compares %s with %s by number, not by text', (a, b, sign) => {
    expect(Math.sign(compareKafkaVersions(a, b))).toBe(sign);
  });

  it('has a default that is not older than the oldest supported', () => {
    expect(compareKafkaVersions(KAFKA_VERSION, OLDEST_KAFKA_VERSION)).toBeGreaterThanOrEqual(0);
  });

  it.each([KAFKA_VERSION, OLDEST_KAFKA_VERSION, '4.3.1', '5.0.0'])('accepts %s', (version) => {
    expect(checkedKafkaVersion(version)).toBe(version);
  });

  it.each([
    ['4.4', /not an Apache Kafka release number/],
    ['4.4.0-rc1', /not an Apache Kafka release number/],
    ['../4.4.0', /not an Apache Kafka release number/],
    ['', /not an Apache Kafka release number/],
    ['3.7.1', /older than 3\.7\.2, the oldest release Eventline supports/],
    ['2.8.2', /older than/],
  ])('refuses %j with a hint', (version, message) => {
    let error: unknown;
    try {
      checkedKafkaVersion(version);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LocalKafkaError);
    expect((error as LocalKafkaError).code).toBe(LocalKafkaErrorCode.InvalidOption);
    expect((error as LocalKafkaError).message).toMatch(message);
    expect((error as LocalKafkaError).hint).toBeTruthy();
  });
});
