import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';
import { ZIPKIN_MIN_JAVA } from './zipkin-artifact';

/**
 * The java to run: `<javaHome>/bin/java` if given, else JAVA (as the Kafka launcher reads
 * it, so one setting serves both), else `java` on the PATH. Read at call time so a JAVA set
 * after import still counts.
 */
export function javaCommand(javaHome?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (javaHome) return join(javaHome, 'bin', 'java');
  return env.JAVA || 'java';
}

/**
 * The major version in `java -version` output: `openjdk version "17.0.15"` → 17,
 * `java version "1.8.0_292"` → 8 (the old 1.x scheme), `openjdk version "21" 2023-09-19` → 21.
 */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(versionOutput)?.[1];
  if (!quoted) return undefined;
  const [first, second] = quoted.split(/[.+_-]/);
  const major = first === '1' ? Number(second) : Number(first);
  return Number.isInteger(major) && major > 0 ? major : undefined;
}

/** Refuses a java that does not run or is older than Zipkin 3 needs; returns the major version. */
export function requireJava(java: string): number {
  // `java -version` writes to stderr.
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status !== 0) {
    throw new LocalZipkinError(
      LocalZipkinErrorCode.JavaMissing,
      `Java was not found (tried "${java} -version"). The local Zipkin server needs Java ${ZIPKIN_MIN_JAVA} or newer.`,
      'Install a JDK (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17), or set JAVA=/path/to/java.',
      { cause: result.error },
    );
  }
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const major = parseJavaMajor(output);
  const versionLine = (output.split('\n').find((line) => line.includes('version')) ?? output.split('\n')[0]).trim();
  if (major === undefined || major < ZIPKIN_MIN_JAVA) {
    throw new LocalZipkinError(
      LocalZipkinErrorCode.JavaTooOld,
      `Zipkin 3 needs Java ${ZIPKIN_MIN_JAVA} or newer; "${java} -version" says: ${versionLine || '(nothing)'}.`,
      'Point JAVA (or the javaHome option) at a Java 17+ runtime.',
    );
  }
  return major;
}
