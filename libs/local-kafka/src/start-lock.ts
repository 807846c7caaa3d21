import { openSync, closeSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isAlive } from './node-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A lock file so that two processes starting the same cluster at once (parallel test
 * projects, `npm start` beside `npm test`) do not both format and launch it. A lock whose
 * owner died is taken over.
 */
export async function withStartLock<T>(lockFile: string, work: () => Promise<T>, waitMs = 180_000): Promise<T> {
  const release = await acquireLock(lockFile, waitMs);
  try {
    return await work();
  } finally {
    release();
  }
}

/** Takes the lock file (waiting while a live process holds it); returns the release function. */
export async function acquireLock(lockFile: string, waitMs: number): Promise<() => void> {
  mkdirSync(dirname(lockFile), { recursive: true });
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSafe(lockFile));
      if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`another process (pid ${owner}) holds ${lockFile}`);
      await sleep(200);
    }
  }
  return () => rmSync(lockFile, { force: true });
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
