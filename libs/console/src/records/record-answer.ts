import type { KafkaMessage } from 'kafkajs';
import type { AvroCodec } from '@eventline/codec';
import { isOpsError, OpsErrorCode, toJsonSafe, utf8OrUndefined, viewRecord } from '@eventline/ops';
import type { RecordHeaderView, RecordView } from '../api/console-api.types';

/** Every header, repeats included, as text when it is UTF-8 and always as base64. */
export function headerViews(message: KafkaMessage): RecordHeaderView[] {
  const views: RecordHeaderView[] = [];
  for (const [name, raw] of Object.entries(message.headers ?? {})) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (value === undefined) continue;
      const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
      views.push({ name, text: utf8OrUndefined(bytes) ?? null, base64: bytes.toString('base64') });
    }
  }
  return views;
}

/**
 * A record as the explorer and the dead-letter detail show it: the value decoded with its
 * writer schema through the registry (Avro as JSON, longs as strings), or base64 with the
 * reason when the bytes are not decodable. `codec` absent: bytes only. The registry away is
 * said on the record (the page still shows the bytes and every header), not as a failed page.
 */
export async function recordAnswer(topic: string, partition: number, message: KafkaMessage, codec?: AvroCodec): Promise<RecordView> {
  let view: Awaited<ReturnType<typeof viewRecord>>;
  try {
    view = await viewRecord(topic, partition, message, codec);
  } catch (error) {
    if (!isOpsError(error, OpsErrorCode.RegistryUnavailable)) throw error;
    view = { ...(await viewRecord(topic, partition, message)), decodeError: { code: error.code, message: error.message } };
  }
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: view.time,
    key: view.key ?? (view.keyBase64 !== undefined ? `base64:${view.keyBase64}` : null),
    headers: headerViews(message),
    ...(view.value !== undefined ? { value: toJsonSafe(view.value) } : {}),
    // The bytes only when they could not be shown decoded (or there was no codec to try).
    ...(view.valueBase64 !== undefined ? { valueBase64: view.valueBase64 } : {}),
    ...(view.schemaId !== undefined ? { schemaId: view.schemaId } : {}),
    ...(view.decodeError ? { decodeError: view.decodeError } : {}),
  };
}
