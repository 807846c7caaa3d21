import { OpsError, OpsErrorCode } from '../errors/ops.error';

/** Where the next (older) page of each partition ends, exclusive. */
export type PageCursor = ReadonlyMap<number, bigint>;

/**
 * Opaque to the pages that pass it back: base64url of `p:offset` pairs. Offsets stay decimal
 * strings in it (int64), never JS numbers.
 */
export function encodePageCursor(cursor: PageCursor): string {
  const text = [...cursor].map(([partition, offset]) => `${partition}:${offset}`).join(',');
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function decodePageCursor(cursor: string): PageCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const result = new Map<number, bigint>();
  for (const pair of text.split(',')) {
    const match = /^(\d{1,9}):(\d{1,19})$/.exec(pair);
    if (!match) throw new OpsError(OpsErrorCode.BadArgument, 'the page cursor is not one this console made: start again from the first page', { detail: { fields: ['cursor'] } });
    result.set(Number(match[1]), BigInt(match[2]));
  }
  return result;
}
