import type { Kafka } from 'kafkajs';
import { CLI_READER_GROUP_PREFIX } from '@eventline/contracts';

/** The CLI's throwaway reader groups, and the default for any client that names none. */
export const DEFAULT_READER_GROUP_PREFIX = CLI_READER_GROUP_PREFIX;

const prefixes = new WeakMap<Kafka, string>();

/**
 * The name prefix of the throwaway groups a client's group-less reads join. It belongs to the
 * client because ACLs do: each principal is granted its own prefix (`eventline-cli-*` for the
 * operator's CLI, `eventline-console-*` for the console), so a front end sets it once for
 * the client it reads with.
 */
export function useReaderGroupPrefix(kafka: Kafka, prefix: string): void {
  if (!/^[A-Za-z0-9._-]+-$/.test(prefix)) throw new RangeError(`a reader group prefix is letters, digits, . _ - and ends in "-", not "${prefix}"`);
  prefixes.set(kafka, prefix);
}

export function readerGroupPrefix(kafka: Kafka): string {
  return prefixes.get(kafka) ?? DEFAULT_READER_GROUP_PREFIX;
}
