import { accessSync, constants } from 'node:fs';

/** Debian's package (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export class ChromiumMissingError extends Error {
  readonly code = 'CHROMIUM_MISSING';

  constructor(readonly path: string) {
    super(`No chromium at ${path}: install it: apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary)`);
    this.name = 'ChromiumMissingError';
  }
}

/** The Chromium binary the browser tests drive; throws ChromiumMissingError when it is not there. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ChromiumMissingError(path);
  }
  return path;
}

/**
 * The flags this machine needs. Root (CI containers) cannot use Chromium's sandbox, which needs
 * user namespaces for an unprivileged user; /dev/shm is small in containers, so shared memory
 * goes to /tmp; background networking (update checks, field trials) would reach the internet.
 */
export function chromiumArgs(isRoot: boolean = process.getuid?.() === 0): string[] {
  return ['--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run', ...(isRoot ? ['--no-sandbox'] : [])];
}
