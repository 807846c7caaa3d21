import type { PartitionedMessage } from '../write/record-writer';

/**
 * Records per `send()` when no rate limit makes chunks smaller: big enough to batch well.
 * Bytes are capped too: a full 1 MB fetch batch plus ~120 bytes of provenance headers per
 * record would exceed the broker's default `message.max.bytes` (1 MB) as one record batch.
 */
export const SEND_CHUNK = 5_000;
const SEND_CHUNK_BYTES = 512 * 1024;

function approximateSize(message: PartitionedMessage): number {
  let size = 64 + (message.key?.length ?? 0) + (message.value?.length ?? 0);
  for (const [name, value] of Object.entries(message.headers ?? {})) size += name.length + (value?.length ?? 0);
  return size;
}

/**
 * Consecutive slices of `batch` within the count and byte caps; order is kept.
 * `extraBytesPerRecord`: headers each record gains after chunking (a traced run's new trace
 * context, tracing/traced-record-writer.ts), counted now so the chunk still fits.
 */
export function sendChunks(batch: readonly PartitionedMessage[], maxCount: number, extraBytesPerRecord = 0): PartitionedMessage[][] {
  const out: PartitionedMessage[][] = [];
  let current: PartitionedMessage[] = [];
  let bytes = 0;
  for (const message of batch) {
    const size = approximateSize(message) + extraBytesPerRecord;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > SEND_CHUNK_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
