import type { IHeaders } from 'kafkajs';

/** The last value of a header as text (Kafka allows repeats; the last one is the current one). */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return value === undefined ? undefined : value.toString();
}

/** Bytes as text when they are valid UTF-8, else undefined (the caller shows base64). */
export function utf8OrUndefined(bytes: Buffer | string | null | undefined): string | undefined {
  if (bytes === null || bytes === undefined) return undefined;
  if (typeof bytes === 'string') return bytes;
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}
