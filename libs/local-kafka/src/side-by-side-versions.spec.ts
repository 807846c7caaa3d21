/**
 * Expected: a Kafka version other than the default gets its own jars, data dir and (given)
 * port, so it runs beside the default broker; the default version keeps the paths and the
 * port it always had. Nothing is started here.
 */
import { join } from 'node:path';
import { ClusterMode } from './cluster-layout';
import { KAFKA_VERSION, OLDEST_KAFKA_VERSION } from './kafka-version';
import { LocalKafka } from './local-kafka';
import { LocalKafkaErrorCode } from './local-kafka.error';
import { SecurityMode } from './security-mode';
import { kafkaPaths } from './workspace-paths';

const ROOT = '/work/eventline';
const CACHE = join(ROOT, '.cache', 'kafka');

describe('Kafka versions side by side', () => {
  const savedCacheDir = process.env.EVENTLINE_CACHE_DIR;
  const savedPort = process.env.EVENTLINE_KAFKA_PORT;
  beforeEach(() => {
    delete process.env.EVENTLINE_CACHE_DIR;
    delete process.env.EVENTLINE_KAFKA_PORT;
  });
  afterAll(() => {
    if (savedCacheDir !== undefined) process.env.EVENTLINE_CACHE_DIR = savedCacheDir;
    if (savedPort !== undefined) process.env.EVENTLINE_KAFKA_PORT = savedPort;
  });

  it('keeps the default version in .cache/kafka/run, so a version bump finds the broker already running', () => {
    expect(kafkaPaths(ROOT)).toMatchObject({ version: KAFKA_VERSION, libs: join(CACHE, KAFKA_VERSION, 'libs'), runRoot: join(CACHE, 'run') });
  });

  it('keeps another version jars and data under .cache/kafka/<version>', () => {
    expect(kafkaPaths(ROOT, OLDEST_KAFKA_VERSION)).toMatchObject({
      version: OLDEST_KAFKA_VERSION,
      libs: join(CACHE, OLDEST_KAFKA_VERSION, 'libs'),
      libsReadyMarker: join(CACHE, OLDEST_KAFKA_VERSION, 'libs', '.complete'),
      runRoot: join(CACHE, OLDEST_KAFKA_VERSION, 'run'),
    });
  });

  it('runs another version on its own port and data dir, and leaves the default on 9092', () => {
    const side = new LocalKafka({ version: OLDEST_KAFKA_VERSION, port: 19692, paths: kafkaPaths(ROOT, OLDEST_KAFKA_VERSION) });
    const main = new LocalKafka({ paths: kafkaPaths(ROOT) });
    expect(side.version).toBe(OLDEST_KAFKA_VERSION);
    expect(side.bootstrap).toEqual(['127.0.0.1:19692']);
    expect(side.cluster.nodes[0]).toMatchObject({ controllerPort: 19693, dataDir: join(CACHE, OLDEST_KAFKA_VERSION, 'run', 'single', 'node-1', 'data') });
    expect(main.version).toBe(KAFKA_VERSION);
    expect(main.bootstrap).toEqual(['127.0.0.1:9092']);
    expect(main.cluster.nodes[0].dataDir).toBe(join(CACHE, 'run', 'single', 'node-1', 'data'));
  });

  it('moves the secure node with the port option, mTLS and controller after it', () => {
    const secure = new LocalKafka({ security: SecurityMode.SaslSsl, port: 19792, paths: kafkaPaths(ROOT) });
    expect(secure.cluster.nodes[0]).toMatchObject({ brokerPort: 19792, sslPort: 19793, controllerPort: 19794 });
  });

  it.each([
    [{ mode: ClusterMode.Three, port: 19692 }, /three-node cluster has fixed ports/],
    [{ port: 0 }, /not a TCP port from 1 to 65534/],
    [{ port: 65535 }, /not a TCP port from 1 to 65534/],
    [{ security: SecurityMode.SaslSsl, port: 65534 }, /not a TCP port from 1 to 65533/],
    [{ port: 19692.5 }, /not a TCP port/],
    [{ version: '4.4' }, /not an Apache Kafka release number/],
    [{ version: '3.6.2' }, /older than/],
    [{ version: OLDEST_KAFKA_VERSION, paths: kafkaPaths(ROOT) }, /contradicts the paths given/],
  ])('refuses %j before anything starts', (options, message) => {
    expect(() => new LocalKafka({ paths: kafkaPaths(ROOT), ...options })).toThrow(
      expect.objectContaining({ code: LocalKafkaErrorCode.InvalidOption, message: expect.stringMatching(message) }),
    );
  });
});
