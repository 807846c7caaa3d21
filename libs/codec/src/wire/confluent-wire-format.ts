import { CodecError, CodecErrorCode } from '../errors/codec.error';

/**
 * Confluent wire format: byte 0 is the magic byte 0, bytes 1–4 the schema id as a signed
 * big-endian int32, then the Avro binary body (no container header, no fingerprint).
 */
export const MAGIC_BYTE = 0;
export const WIRE_HEADER_SIZE = 5;

/** The schema id of a framed record, or a poison error. Reads in place: no copy. */
export function readSchemaId(buf: Buffer): number {
  if (buf.length < WIRE_HEADER_SIZE) {
    throw new CodecError(
      CodecErrorCode.TooShort,
      `record value is ${buf.length} bytes; the Confluent wire format needs at least ${WIRE_HEADER_SIZE}`,
    );
  }
  if (buf[0] !== MAGIC_BYTE) {
    throw new CodecError(
      CodecErrorCode.BadMagicByte,
      `record value starts with byte ${buf[0]}, expected magic byte ${MAGIC_BYTE} (not Confluent-framed Avro)`,
    );
  }
  return buf.readInt32BE(1);
}

export function writeWireHeader(buf: Buffer, schemaId: number): void {
  buf[0] = MAGIC_BYTE;
  buf.writeInt32BE(schemaId, 1);
}
