import type { KafkaMessage } from 'kafkajs';
import { CodecErrorCode, isCodecError, readSchemaId, type AvroCodec } from '@eventline/codec';
import { OpsError, OpsErrorCode, OpsRemedy } from '../errors/ops.error';
import { utf8OrUndefined } from './header-text';

/** One record as a tail or a dead-letter view shows it: everything a person or `jq` needs, JSON-safe. */
export interface RecordView {
  readonly topic: string;
  readonly partition: number;
  /** A string: offsets are int64. */
  readonly offset: string;
  /** Epoch milliseconds (Kafka's form) and the same as ISO 8601. */
  readonly timestamp: string;
  readonly time: string;
  readonly key: string | null;
  /** Set instead of `key` when the key is not UTF-8. */
  readonly keyBase64?: string;
  readonly headers: Record<string, string>;
  /** The Avro value decoded with its writer schema; longs become strings when printed. */
  readonly value?: unknown;
  readonly schemaId?: number;
  /** Set instead of `value` when the bytes are not decodable Avro. */
  readonly valueBase64?: string;
  readonly decodeError?: { readonly code: string; readonly message: string };
}

/**
 * Decodes one record for display. A record that is not Confluent-framed Avro, or names a
 * schema id the registry does not know, is shown as base64 with the reason — a tail must
 * never die on the very record someone is trying to look at. A registry that cannot be
 * reached is different: every later record would fail the same way, so that stops the read.
 */
export async function viewRecord(topic: string, partition: number, message: KafkaMessage, codec?: AvroCodec): Promise<RecordView> {
  const key = message.key === null || message.key === undefined ? null : message.key;
  const keyText = key === null ? null : utf8OrUndefined(key);
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(message.headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value === undefined) continue;
    headers[name] = utf8OrUndefined(value) ?? `base64:${Buffer.from(value).toString('base64')}`;
  }
  const base = {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    time: new Date(Number(message.timestamp)).toISOString(),
    key: keyText ?? null,
    ...(key !== null && keyText === undefined ? { keyBase64: key.toString('base64') } : {}),
    headers,
  };
  const value = message.value;
  if (value === null || value === undefined) return { ...base, value: null };
  if (!codec) return { ...base, valueBase64: value.toString('base64') };
  try {
    const decoded = await codec.decode(value);
    return { ...base, schemaId: readSchemaId(value), value: decoded };
  } catch (err) {
    if (isCodecError(err, CodecErrorCode.RegistryUnavailable)) {
      throw new OpsError(OpsErrorCode.RegistryUnavailable, `schema registry unavailable: ${err.message.replace(/^schema registry: /, '')}`, {
        cause: err,
        detail: { remedy: OpsRemedy.SkipDecoding },
      });
    }
    const code = isCodecError(err) ? err.code : 'DECODE_FAILED';
    return { ...base, valueBase64: value.toString('base64'), decodeError: { code, message: (err as Error).message } };
  }
}
