/**
 * JSON for outbox payloads that survives the round trip through a text column without
 * turning Avro longs into lossy numbers: a bigint is written as `{"$bigint":"123"}` and read
 * back as 123n. Nothing else in an event payload is an object with that single key.
 */
const BIGINT = '$bigint';

export function toOutboxJson(payload: unknown): string {
  return JSON.stringify(payload, (_key, value: unknown) => (typeof value === 'bigint' ? { [BIGINT]: value.toString() } : value));
}

export function fromOutboxJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    const digits = (value as Record<string, unknown>)[BIGINT];
    return keys.length === 1 && typeof digits === 'string' && /^-?\d+$/.test(digits) ? BigInt(digits) : value;
  });
}
