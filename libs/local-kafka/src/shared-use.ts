import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterSpec } from './cluster-layout';
import { isAlive } from './node-process';

/**
 * Who is using a cluster right now, across processes: one file per use, named
 * `<pid>-<random>`, under `<cluster dir>/users/`. Parallel Jest workers share one secure
 * cluster; "stop it if you started it" alone lets the starter stop it under a worker that
 * joined later. With uses registered, a stop waits for the last one (`stop-when-unused`).
 * Callers hold the cluster's start lock around every read-then-act on these files.
 */
const usersDir = (cluster: ClusterSpec) => join(cluster.dir, 'users');
const stopMarker = (cluster: ClusterSpec) => join(cluster.dir, 'stop-when-unused');

export function registerUse(cluster: ClusterSpec): string {
  mkdirSync(usersDir(cluster), { recursive: true });
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(join(usersDir(cluster), token), new Date().toISOString());
  return token;
}

export function unregisterUse(cluster: ClusterSpec, token: string): void {
  rmSync(join(usersDir(cluster), token), { force: true });
}

/** The uses whose process is alive; the files of dead ones (a killed Jest worker) are removed. */
export function liveUses(cluster: ClusterSpec): string[] {
  if (!existsSync(usersDir(cluster))) return [];
  return readdirSync(usersDir(cluster)).filter((token) => {
    const pid = Number(token.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return true;
    rmSync(join(usersDir(cluster), token), { force: true });
    return false;
  });
}

export function requestStopWhenUnused(cluster: ClusterSpec): void {
  mkdirSync(cluster.dir, { recursive: true });
  writeFileSync(stopMarker(cluster), new Date().toISOString());
}

/** True (and the request cleared) if someone asked for a stop once the cluster is unused. */
export function takeStopRequest(cluster: ClusterSpec): boolean {
  if (!existsSync(stopMarker(cluster))) return false;
  rmSync(stopMarker(cluster), { force: true });
  return true;
}

export function clearStopRequest(cluster: ClusterSpec): void {
  rmSync(stopMarker(cluster), { force: true });
}
