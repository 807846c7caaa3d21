/**
 * Records that finished above the watermark, written into the offset commit's metadata so a
 * restarted or new owner skips them instead of processing them twice. Format (version 1):
 *
 *   ko1:<ranges>    ranges = comma-separated "a" or "a-b", each a base-36 distance above the
 *                   watermark (the watermark itself is unfinished by definition, so 0 never
 *                   appears). Example: watermark 1000, finished 1001-1040 and 1045 → "ko1:1-14,19".
 *
 * Kafka caps commit metadata at offset.metadata.max.bytes (4096 by default); the strategy
 * stops taking new records for a partition before the encoding would pass METADATA_BUDGET.
 */
const COMPLETED_OFFSETS_PREFIX = 'ko1:';
export const METADATA_BUDGET = 3_500;

/** `finished` are offsets above `watermark`, ascending. */
export function encodeCompletedOffsets(watermark: bigint, finished: readonly bigint[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < finished.length) {
    const start = finished[i] - watermark;
    let end = start;
    while (i + 1 < finished.length && finished[i + 1] - watermark === end + 1n) {
      end++;
      i++;
    }
    parts.push(start === end ? start.toString(36) : `${start.toString(36)}-${end.toString(36)}`);
    i++;
  }
  return COMPLETED_OFFSETS_PREFIX + parts.join(',');
}

/** The finished offsets a commit's metadata names; empty for metadata that is not ours. */
export function decodeCompletedOffsets(watermark: bigint, metadata: string | null | undefined): Set<bigint> {
  const done = new Set<bigint>();
  if (!metadata?.startsWith(COMPLETED_OFFSETS_PREFIX)) return done;
  const body = metadata.slice(COMPLETED_OFFSETS_PREFIX.length);
  if (body === '') return done;
  for (const part of body.split(',')) {
    const [a, b] = part.split('-');
    const start = parseBase36(a);
    const end = b === undefined ? start : parseBase36(b);
    if (start === undefined || end === undefined || end < start || start < 1n) return new Set();
    for (let d = start; d <= end; d++) done.add(watermark + d);
  }
  return done;
}

function parseBase36(text: string): bigint | undefined {
  if (!/^[0-9a-z]+$/.test(text)) return undefined;
  let value = 0n;
  for (const ch of text) value = value * 36n + BigInt(parseInt(ch, 36));
  return value;
}
