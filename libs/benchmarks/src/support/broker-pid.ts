import { readFileSync } from 'node:fs';

/**
 * The launcher's pid is the broker JVM when it runs `java … kafka.Kafka`; anything else (a
 * wrapper, a reused pid) is not used, so CPU figures are never read from the wrong process.
 */
export function brokerJvmPid(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes('kafka.Kafka') ? pid : undefined;
  } catch {
    return undefined;
  }
}
