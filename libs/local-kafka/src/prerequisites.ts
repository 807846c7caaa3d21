import { spawnSync } from 'node:child_process';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';

export interface Tool {
  readonly command: string;
  readonly versionArgs: readonly string[];
}

function runs(tool: Tool): boolean {
  const result = spawnSync(tool.command, [...tool.versionArgs], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

// Read at call time so JAVA / MVN set after import (tests, wrappers) still count.
const java = (): Tool => ({ command: process.env.JAVA || 'java', versionArgs: ['-version'] });
const maven = (): Tool => ({ command: process.env.MVN || 'mvn', versionArgs: ['-v'] });

export function javaCommand(): string {
  return java().command;
}

export function mavenCommand(): string {
  return maven().command;
}

/** Java runs the broker; it is needed on every start. */
export function requireJava(): void {
  const JAVA = java();
  if (!runs(JAVA)) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.JavaMissing,
      `Java was not found (tried "${JAVA.command} -version"). The local Kafka broker needs Java 17 or newer.`,
      'Install a JDK (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17), ' +
        'set JAVA=/path/to/java, or set KAFKA_BROKERS to use an existing cluster.',
    );
  }
}

/** Maven only fetches the jars, so it is needed only until they are cached. */
export function requireMaven(): void {
  const MAVEN = maven();
  if (!runs(MAVEN)) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.MavenMissing,
      `Maven was not found (tried "${MAVEN.command} -v"). It downloads Kafka's jars from Maven Central on first start.`,
      'Install Maven (Debian/Ubuntu: apt-get install maven; macOS: brew install maven), set MVN=/path/to/mvn, ' +
        'or set KAFKA_BROKERS to use an existing cluster.',
    );
  }
}
