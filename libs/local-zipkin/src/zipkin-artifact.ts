import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Zipkin server release the launcher runs (Maven Central, the self-contained exec jar). */
export const ZIPKIN_VERSION = '3.5.1';

/** Zipkin 3 is built for Java 17 and refuses older runtimes with an unreadable class-version error. */
export const ZIPKIN_MIN_JAVA = 17;

export interface MavenArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly classifier: string;
  readonly packaging: string;
}

export const ZIPKIN_SERVER_ARTIFACT: MavenArtifact = {
  groupId: 'io.zipkin',
  artifactId: 'zipkin-server',
  version: ZIPKIN_VERSION,
  classifier: 'exec',
  packaging: 'jar',
};

/** `groupId:artifactId:version:packaging:classifier`, as `mvn dependency:get -Dartifact=` takes it. */
export function artifactCoordinates(a: MavenArtifact): string {
  return `${a.groupId}:${a.artifactId}:${a.version}:${a.packaging}:${a.classifier}`;
}

/**
 * Where Maven keeps the artifact in a local repository laid out the standard way
 * (`<repo>/io/zipkin/zipkin-server/3.5.1/zipkin-server-3.5.1-exec.jar`). The default
 * repository is ~/.m2/repository; one moved by a settings.xml `localRepository` is not read
 * here (asking Maven costs seconds on every start), so such a setup names the jar with
 * EVENTLINE_ZIPKIN_JAR.
 */
export function localRepositoryPath(a: MavenArtifact, repository: string = join(homedir(), '.m2', 'repository')): string {
  return join(repository, ...a.groupId.split('.'), a.artifactId, a.version, `${a.artifactId}-${a.version}-${a.classifier}.${a.packaging}`);
}
