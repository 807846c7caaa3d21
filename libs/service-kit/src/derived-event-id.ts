import { createHash } from 'node:crypto';

/**
 * The id of an event caused by another one, derived from the cause's id: a redelivered cause
 * produces the same id again, so the effect is published at least once and deduplicated
 * downstream by `ce_id`. UUID v5 layout (SHA-1 of purpose + source id).
 */
export function derivedEventId(sourceEventId: string, purpose: string): string {
  const hash = createHash('sha1').update(`${purpose}\u0000${sourceEventId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
