import { randomBytes } from 'node:crypto';

/**
 * A name no other test (or earlier run) uses: `<prefix>-<time>-<random>`. Kafka topic names
 * allow [a-zA-Z0-9._-] up to 249 characters.
 */
export function uniqueName(prefix: string): string {
  const safe = prefix.replace(/[^a-zA-Z0-9._-]/g, '-').slice(0, 80);
  return `${safe}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
