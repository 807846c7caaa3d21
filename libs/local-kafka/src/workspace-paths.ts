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
  readonly pom: string;
  readonly cacheRoot: string;
  readonly libs: string;
  readonly libsReadyMarker: string;
  readonly runRoot: string;
}

export function kafkaPaths(root: string = workspaceRoot()): KafkaPaths {
  const cacheRoot = process.env.EVENTLINE_CACHE_DIR ?? join(root, '.cache', 'kafka');
  const libs = join(cacheRoot, KAFKA_VERSION, 'libs');
  return {
    pom: join(root, 'deploy', 'local', 'pom.xml'),
    cacheRoot,
    libs,
    libsReadyMarker: join(libs, '.complete'),
    runRoot: join(cacheRoot, 'run'),
  };
}
