/**
 * Each way the launcher can be misused or meet a broken machine ends in one LocalKafkaError
 * with a code, a message that names the problem, and a hint. These run real `java` against
 * the cached jars in throwaway folders, on ports away from the shared test broker.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterMode } from './cluster-layout';
import { canBind } from './port-probe';
import { ensureKafkaJars } from './kafka-jars';
import { LocalKafka } from './local-kafka';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { kafkaPaths, type KafkaPaths } from './workspace-paths';

const realPaths = kafkaPaths();

/** A port p with p and p+1 free (broker and controller), away from the usual Kafka ports. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    if ((await canBind('127.0.0.1', port)) && (await canBind('127.0.0.1', port + 1))) return port;
  }
  throw new Error('no free port pair found');
}

describe('the local Kafka launcher on bad input', () => {
  let scratch: string;
  let paths: KafkaPaths;
  const saved = { ...process.env };

  beforeAll(() => {
    ensureKafkaJars(realPaths);
  });

  let port: number;

  beforeEach(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'eventline-launcher-'));
    paths = { ...realPaths, cacheRoot: scratch, runRoot: join(scratch, 'run') };
    port = await freePortPair();
    process.env.EVENTLINE_KAFKA_PORT = String(port);
  });

  afterEach(async () => {
    await new LocalKafka({ mode: ClusterMode.Single, paths }).stop(5_000);
    process.env = { ...saved };
    rmSync(scratch, { recursive: true, force: true });
  });

  async function startError(kafka: LocalKafka): Promise<LocalKafkaError> {
    const error = await kafka.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LocalKafkaError);
    return error as LocalKafkaError;
  }

  it('says Java is missing and how to get it', async () => {
    process.env.JAVA = join(scratch, 'no-such-java');
    const error = await startError(new LocalKafka({ paths }));
    expect(error.code).toBe(LocalKafkaErrorCode.JavaMissing);
    expect(error.message).toContain('no-such-java');
    expect(error.hint).toMatch(/Install a JDK.*KAFKA_BROKERS/);
  });

  it('says Maven is missing when the jars still have to be fetched', async () => {
    process.env.MVN = join(scratch, 'no-such-mvn');
    const empty = { ...paths, libs: join(scratch, 'libs'), libsReadyMarker: join(scratch, 'libs', '.complete') };
    const error = await startError(new LocalKafka({ paths: empty }));
    expect(error.code).toBe(LocalKafkaErrorCode.MavenMissing);
    expect(error.message).toContain('no-such-mvn');
    expect(error.hint).toMatch(/Install Maven/);
  });

  it('names the port that is already taken', async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const error = await startError(new LocalKafka({ paths }));
      expect(error.code).toBe(LocalKafkaErrorCode.PortTaken);
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(error.hint).toContain('EVENTLINE_KAFKA_PORT');
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('refuses a data dir that is not a Kafka log dir and points at reset', async () => {
    const dataDir = join(paths.runRoot, 'single', 'node-1', 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'stray-file'), 'not kafka');
    const error = await startError(new LocalKafka({ paths }));
    expect(error.code).toBe(LocalKafkaErrorCode.StorageBroken);
    expect(error.message).toContain(dataDir);
    expect(error.hint).toContain('npm run kafka -- reset');
  });

  it('prints the tail of the broker log when the broker misses its deadline', async () => {
    // A stand-in for java that formats nothing, logs one line as Kafka would, and never listens:
    // the deadline is missed for certain, whatever the machine's load (a real JVM may not have
    // logged anything yet within a short deadline on a busy machine).
    const fakeJava = join(scratch, 'fake-java');
    writeFileSync(
      fakeJava,
      [
        '#!/bin/sh',
        'case " $* " in',
        '  *" -version "*) exit 0 ;;',
        '  *kafka.tools.StorageTool*) exit 0 ;;',
        '  *kafka.Kafka*) echo "[2026-01-01 00:00:00,000] INFO fake broker starting, never listening (kafka.Kafka)"',
        '    while :; do sleep 1; done ;;',
        'esac',
        'exit 1',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    process.env.JAVA = fakeJava;
    const error = await startError(new LocalKafka({ paths, startTimeoutMs: 1_500 }));
    expect(error.code).toBe(LocalKafkaErrorCode.StartTimeout);
    expect(error.message).toContain('kafka.log');
    expect(error.message).toContain('INFO fake broker starting, never listening');
    expect(error.hint).toContain('EVENTLINE_KAFKA_START_TIMEOUT_MS');
  });
});
