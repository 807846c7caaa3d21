import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { mavenCommand, requireMaven } from './prerequisites';
import type { KafkaPaths } from './workspace-paths';

/**
 * Makes sure Kafka's jars are in the cache, fetching them with Maven on first use.
 * A marker file is written only after Maven succeeded, so an interrupted download is
 * retried instead of leaving a half-filled classpath behind.
 */
export function ensureKafkaJars(paths: KafkaPaths, log: (line: string) => void = () => undefined): string {
  if (existsSync(paths.libsReadyMarker)) return paths.libs;
  requireMaven();
  log(`fetching Apache Kafka ${paths.version} jars with Maven into ${paths.libs} (first start only)…`);
  const args = ['-q', '-B', '-f', paths.pom, `-Dkafka.version=${paths.version}`, `-Dkafka.libs=${paths.libs}`, 'package'];
  const result = spawnSync(mavenCommand(), args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new LocalKafkaError(
      LocalKafkaErrorCode.JarsUnavailable,
      `Maven could not fetch the jars of Kafka ${paths.version} (exit ${result.status}):\n${output}`,
      'Check that Maven Central is reachable (or a mirror in ~/.m2/settings.xml) and serves that release, then run the start again.',
    );
  }
  writeFileSync(paths.libsReadyMarker, new Date().toISOString());
  return paths.libs;
}
