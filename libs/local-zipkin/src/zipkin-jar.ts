import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';
import { artifactCoordinates, localRepositoryPath, ZIPKIN_SERVER_ARTIFACT, type MavenArtifact } from './zipkin-artifact';

export interface ZipkinJarOptions {
  /** An explicit jar (option, else EVENTLINE_ZIPKIN_JAR): used as is, Maven is not asked. */
  readonly jar?: string;
  readonly artifact?: MavenArtifact;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
}

function requireMaven(mvn: string): void {
  const result = spawnSync(mvn, ['-v'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new LocalZipkinError(
      LocalZipkinErrorCode.MavenMissing,
      `Maven was not found (tried "${mvn} -v"). It downloads Zipkin's server jar from Maven Central on first use.`,
      'Install Maven (Debian/Ubuntu: apt-get install maven; macOS: brew install maven), set MVN=/path/to/mvn, or set EVENTLINE_ZIPKIN_JAR to a zipkin-server exec jar.',
    );
  }
}

/**
 * The Zipkin server jar, fetched into the local Maven repository on first use. Maven's
 * resolver downloads into a temporary file and renames it once complete and checksummed, so
 * a jar found at its final path is whole and an interrupted fetch is simply retried.
 */
export function ensureZipkinJar(options: ZipkinJarOptions = {}): string {
  const env = options.env ?? process.env;
  const explicit = options.jar ?? env.EVENTLINE_ZIPKIN_JAR;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new LocalZipkinError(
        LocalZipkinErrorCode.InvalidOption,
        `the Zipkin jar ${explicit} does not exist${options.jar ? '' : ' (EVENTLINE_ZIPKIN_JAR)'}.`,
        'Name an existing zipkin-server-<version>-exec.jar, or unset EVENTLINE_ZIPKIN_JAR to fetch it with Maven.',
      );
    }
    return explicit;
  }
  const artifact = options.artifact ?? ZIPKIN_SERVER_ARTIFACT;
  const jar = localRepositoryPath(artifact);
  if (existsSync(jar)) return jar;

  const mvn = env.MVN || 'mvn';
  requireMaven(mvn);
  const coordinates = artifactCoordinates(artifact);
  options.log?.(`fetching ${coordinates} with Maven (first start only, about 130 MB)…`);
  const result = spawnSync(mvn, ['-q', '-B', 'dependency:get', `-Dartifact=${coordinates}`, '-Dtransitive=false'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new LocalZipkinError(
      LocalZipkinErrorCode.JarUnavailable,
      `Maven could not fetch ${coordinates} (exit ${result.status}):\n${output}`,
      'Check that Maven Central is reachable (or a mirror in ~/.m2/settings.xml serves io.zipkin), then start again.',
    );
  }
  if (!existsSync(jar)) {
    throw new LocalZipkinError(
      LocalZipkinErrorCode.JarUnavailable,
      `Maven fetched ${coordinates}, but not into ${jar}: the local repository is elsewhere (settings.xml localRepository?).`,
      'Set EVENTLINE_ZIPKIN_JAR to the jar in your local repository.',
    );
  }
  return jar;
}
