import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { KAFKA_VERSION } from './kafka-version';

/** The repository root: the nearest folder above this file holding nx.json. */
export function workspaceRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${start}: run Eventline from its repository`);
    dir = parent;
  }
}

/** Where downloaded jars and broker data live; outside git (.cache is ignored). */
export interface KafkaPaths {
  /** The Kafka release these jars and data belong to. */
  readonly version: string;
  readonly pom: string;
  readonly cacheRoot: string;
  readonly libs: string;
  readonly libsReadyMarker: string;
  readonly runRoot: string;
}

/**
 * Jars are cached per version (`<cache>/<version>/libs`). The default version's clusters keep
 * their data in `<cache>/run/<mode>` whatever the version is, so a bump of KAFKA_VERSION
 * upgrades the local broker in place (KRaft storage of an older 3.x/4.x release is read by a
 * newer one) and a broker still running from before is found, not started twice on its port.
 * Any other version runs beside it from `<cache>/<version>/run/<mode>`; `rm -r <cache>/<version>`
 * removes all of it.
 */
export function kafkaPaths(root: string = workspaceRoot(), version: string = KAFKA_VERSION): KafkaPaths {
  const cacheRoot = process.env.EVENTLINE_CACHE_DIR ?? join(root, '.cache', 'kafka');
  const libs = join(cacheRoot, version, 'libs');
  return {
    version,
    pom: join(root, 'deploy', 'local', 'pom.xml'),
    cacheRoot,
    libs,
    libsReadyMarker: join(libs, '.complete'),
    runRoot: version === KAFKA_VERSION ? join(cacheRoot, 'run') : join(cacheRoot, version, 'run'),
  };
}
