import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import type { RecordCompression } from '../kafka-client.port';

const KAFKAJS_COMPRESSION: Record<RecordCompression, CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};

export function kafkaJsCompression(compression: RecordCompression | undefined): CompressionTypes {
  return KAFKAJS_COMPRESSION[compression ?? 'none'];
}

/**
 * Only gzip is built into kafkajs; the others need a codec registered in its
 * `CompressionCodecs`. kafkajs registers a factory for every type and the ones it lacks
 * throw when called, so the only way to know is to ask for the codec now rather than on the
 * first send.
 */
export function kafkaJsSupportsCompression(compression: RecordCompression): boolean {
  const type = KAFKAJS_COMPRESSION[compression];
  if (type === undefined) return false;
  if (type === CompressionTypes.None) return true;
  try {
    return Boolean(CompressionCodecs[type]());
  } catch {
    return false;
  }
}
